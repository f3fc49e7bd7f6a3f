package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserCfModelTest {

    private static final List<Signal> SIGNALS = List.of(
            new Signal("twin", "a", 1),
            new Signal("twin", "b", 1),
            new Signal("twin", "c", 1),
            new Signal("stranger", "x", 1),
            new Signal("stranger", "y", 1),
            new Signal("half", "a", 1),
            new Signal("half", "d", 1));

    @Test
    void recommendsWhatTheMostSimilarUsersHaveThatTheHistoryLacks() {
        UserCfModel model = UserCfModel.train(SIGNALS, 10);

        List<ScoredItem> recommended = model.recommend(Map.of("a", 1.0, "b", 1.0), Set.of(), 10);

        assertThat(recommended).extracting(ScoredItem::itemId).containsExactly("c", "d");
    }

    @Test
    void onlyTheNearestNeighboursVote() {
        UserCfModel model = UserCfModel.train(SIGNALS, 1);

        assertThat(model.recommend(Map.of("a", 1.0, "b", 1.0), Set.of(), 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("c");
    }

    @Test
    void neverReturnsExcludedItems() {
        UserCfModel model = UserCfModel.train(SIGNALS, 10);

        assertThat(model.recommend(Map.of("a", 1.0), Set.of("c"), 10))
                .extracting(ScoredItem::itemId)
                .doesNotContain("c", "a");
    }
}

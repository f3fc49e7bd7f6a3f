package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopularityModelTest {

    private static final List<Signal> SIGNALS = List.of(
            new Signal("u1", "shoe", 5),
            new Signal("u2", "shoe", 1),
            new Signal("u1", "hat", 3),
            new Signal("u3", "book", 4));

    private static final Map<String, String> CATEGORIES = Map.of("shoe", "wear", "hat", "wear", "book", "media");

    @Test
    void ranksItemsByTheirSummedWeight() {
        PopularityModel model = PopularityModel.train(SIGNALS, CATEGORIES);

        assertThat(model.top(Set.of(), 10)).extracting(ScoredItem::itemId).containsExactly("shoe", "book", "hat");
    }

    @Test
    void ranksWithinACategoryAndSkipsExcludedItems() {
        PopularityModel model = PopularityModel.train(SIGNALS, CATEGORIES);

        assertThat(model.topInCategory("wear", Set.of("shoe"), 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("hat");
    }
}

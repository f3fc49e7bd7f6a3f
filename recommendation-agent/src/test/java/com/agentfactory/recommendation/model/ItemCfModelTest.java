package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemCfModelTest {

    // a and b share both their users; c shares one of two users with a
    private static final List<Signal> SIGNALS = List.of(
            new Signal("u1", "a", 1),
            new Signal("u1", "b", 1),
            new Signal("u1", "c", 1),
            new Signal("u2", "a", 1),
            new Signal("u2", "b", 1),
            new Signal("u3", "c", 1),
            new Signal("u3", "d", 1));

    @Test
    void similarityIsTheCosineOfTheItemsUserColumns() {
        ItemCfModel model = ItemCfModel.train(SIGNALS, 10);

        List<ScoredItem> similarToA = model.similar("a", 10);

        assertThat(similarToA).extracting(ScoredItem::itemId).containsExactly("b", "c");
        assertThat(similarToA.get(0).score()).isCloseTo(1.0, within(1e-12));
        assertThat(similarToA.get(1).score()).isCloseTo(1 / Math.sqrt(4), within(1e-12));
    }

    @Test
    void keepsOnlyTheStrongestNeighbours() {
        ItemCfModel model = ItemCfModel.train(SIGNALS, 1);

        assertThat(model.similar("a", 10)).extracting(ScoredItem::itemId).containsExactly("b");
    }

    @Test
    void recommendsNeighboursOfTheHistoryWithoutExcludedItems() {
        ItemCfModel model = ItemCfModel.train(SIGNALS, 10);

        List<ScoredItem> recommended = model.recommend(Map.of("a", 1.0), Set.of("b"), 10);

        assertThat(recommended).extracting(ScoredItem::itemId).containsExactly("c");
    }

    @Test
    void knowsNothingAboutAnItemWithoutInteractions() {
        assertThat(ItemCfModel.train(SIGNALS, 10).similar("unknown", 10)).isEmpty();
    }
}

package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrendingModelTest {

    private static final Map<String, String> COUNTRIES = Map.of("fr1", "France", "fr2", "France", "uk1", "UK");

    @Test
    void ranksWhatSellsInTheCustomersCountryFirst() {
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal("fr1", "beret", 1));
        signals.add(new Signal("fr2", "beret", 1));
        for (int i = 0; i < 5; i++) {
            signals.add(new Signal("uk" + i, "teapot", 1));
        }

        TrendingModel model = TrendingModel.train(signals, COUNTRIES, 1);

        assertThat(model.top("France", Set.of(), 2))
                .extracting(ScoredItem::itemId)
                .containsExactly("beret", "teapot");
        assertThat(model.top(null, Set.of(), 2)).extracting(ScoredItem::itemId).containsExactly("teapot", "beret");
        assertThat(model.top("Peru", Set.of(), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("teapot");
        assertThat(model.countryCount()).isEqualTo(2);
    }

    @Test
    void aSmallCountryLeansOnTheGlobalListWhenShrinkageOutweighsIt() {
        List<Signal> signals = new ArrayList<>();
        signals.add(new Signal("fr1", "beret", 1));
        for (int i = 0; i < 50; i++) {
            signals.add(new Signal("other" + i, "teapot", 1));
        }

        TrendingModel model = TrendingModel.train(signals, COUNTRIES, 100);

        assertThat(model.top("France", Set.of(), 2))
                .extracting(ScoredItem::itemId)
                .containsExactly("teapot", "beret");
    }

    @Test
    void recentDemandOutranksOlderDemandThroughTheDecayedWeights() {
        List<Signal> signals = List.of(
                new Signal("a", "summer-hat", 0.1),
                new Signal("b", "summer-hat", 0.1),
                new Signal("c", "christmas-tree", 0.9));

        TrendingModel model = TrendingModel.train(signals, Map.of(), 10);

        assertThat(model.top(null, Set.of("other"), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("christmas-tree");
    }
}

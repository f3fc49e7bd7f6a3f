package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewArrivalsTest {

    private static final Instant CUT = Instant.parse("2011-07-01T00:00:00Z");
    private static final Map<String, Instant> FIRST_SEEN = Map.of(
            "teapot", Instant.parse("2010-12-01T00:00:00Z"),
            "advent-calendar", Instant.parse("2011-07-10T00:00:00Z"),
            "star-lights", CUT);

    @Test
    void keepsOnlyTheSignalsOfProductsFirstSoldSinceTheCut() {
        List<Signal> signals = List.of(
                new Signal("u1", "teapot", 1),
                new Signal("u2", "advent-calendar", 1),
                new Signal("u3", "star-lights", 1),
                new Signal("u4", "never-listed", 1));

        assertThat(NewArrivals.signalsOf(signals, FIRST_SEEN, CUT))
                .extracting(Signal::itemId)
                .containsExactly("advent-calendar", "star-lights");
    }

    @Test
    void ranksNewArrivalsByDemandWhileABestSellerOfOldNeverEnters() {
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            signals.add(new Signal("uk" + i, "teapot", 1));
        }
        signals.add(new Signal("uk1", "star-lights", 1));
        signals.add(new Signal("uk2", "advent-calendar", 1));
        signals.add(new Signal("uk3", "advent-calendar", 1));

        TrendingModel model = NewArrivals.train(signals, FIRST_SEEN, CUT, Map.of(), 10);

        assertThat(model.top(null, Set.of(), 5))
                .extracting(ScoredItem::itemId)
                .containsExactly("advent-calendar", "star-lights");
        assertThat(model.top(null, Set.of("advent-calendar"), 5))
                .extracting(ScoredItem::itemId)
                .containsExactly("star-lights");
    }
}

package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionModelTest {

    /** Shoppers browse phone, then case, then charger; one goes from phone straight to headphones. */
    private static List<Signal> sequences() {
        List<Signal> signals = new ArrayList<>();
        for (int u = 0; u < 5; u++) {
            signals.add(new Signal("s" + u, "phone", 1));
            signals.add(new Signal("s" + u, "case", 1));
            signals.add(new Signal("s" + u, "charger", 1));
        }
        signals.add(new Signal("odd", "phone", 1));
        signals.add(new Signal("odd", "headphones", 1));
        return signals;
    }

    @Test
    void theMostFrequentFollowerComesFirst() {
        SessionModel model = SessionModel.train(sequences(), 1, 10);

        assertThat(model.similar("phone", Set.of(), 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("case", "headphones");
    }

    @Test
    void theLatestItemOfTheSequenceDecidesTheNextOne() {
        SessionModel model = SessionModel.train(sequences(), 1, 10);

        assertThat(model.next(List.of("phone", "case"), Set.of(), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("charger");
    }

    @Test
    void aWiderWindowLinksItemsTwoStepsApart() {
        assertThat(SessionModel.train(sequences(), 1, 10).similar("phone", Set.of(), 10))
                .extracting(ScoredItem::itemId)
                .doesNotContain("charger");
        assertThat(SessionModel.train(sequences(), 2, 10).similar("phone", Set.of("case"), 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("charger", "headphones");
    }
}

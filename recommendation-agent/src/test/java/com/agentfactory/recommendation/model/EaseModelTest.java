package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EaseModelTest {

    /** Ten users take tent and stove together, six take book and lamp, and everyone takes the bestseller. */
    private static List<Signal> campersAndReaders() {
        List<Signal> signals = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            signals.add(new Signal("camper" + u, "tent", 1));
            signals.add(new Signal("camper" + u, "stove", 1));
            signals.add(new Signal("camper" + u, "bestseller", 1));
        }
        for (int u = 0; u < 6; u++) {
            signals.add(new Signal("reader" + u, "book", 1));
            signals.add(new Signal("reader" + u, "lamp", 1));
            signals.add(new Signal("reader" + u, "bestseller", 1));
        }
        return signals;
    }

    @Test
    void ranksTheCoConsumedItemFirst() {
        EaseModel model = EaseModel.train(campersAndReaders(), 1.0, 100);

        List<ScoredItem> forTentOwner = model.recommend(Map.of("tent", 1.0), Set.of(), 3);
        List<ScoredItem> forBookOwner = model.recommend(Map.of("book", 1.0), Set.of(), 3);

        assertThat(forTentOwner.getFirst().itemId()).isEqualTo("stove");
        assertThat(forBookOwner.getFirst().itemId()).isEqualTo("lamp");
        assertThat(forTentOwner).extracting(ScoredItem::itemId).doesNotContain("tent", "book", "lamp");
    }

    @Test
    void similarItemsNeverIncludeTheItemItselfOrExcludedOnes() {
        EaseModel model = EaseModel.train(campersAndReaders(), 1.0, 100);

        assertThat(model.similar("tent", Set.of("stove"), 5))
                .extracting(ScoredItem::itemId)
                .doesNotContain("tent", "stove");
        assertThat(model.similar("tent", Set.of(), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("stove");
    }

    @Test
    void modelsOnlyTheMostUsedItems() {
        EaseModel model = EaseModel.train(campersAndReaders(), 1.0, 3);

        assertThat(model.itemCount()).isEqualTo(3);
        assertThat(model.recommend(Map.of("book", 1.0), Set.of(), 3)).isEmpty();
    }
}

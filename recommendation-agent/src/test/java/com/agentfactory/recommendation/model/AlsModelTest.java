package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlsModelTest {

    private static final AlsModel.Settings SMALL = new AlsModel.Settings(4, 10, 0.1, 10.0, 42);

    /** Ten campers take tent and stove and torch, eight readers take book and lamp and novel. */
    private static List<Signal> campersAndReaders() {
        List<Signal> signals = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            signals.add(new Signal("camper" + u, "tent", 1));
            signals.add(new Signal("camper" + u, "stove", 1));
            signals.add(new Signal("camper" + u, "torch", 1));
        }
        for (int u = 0; u < 8; u++) {
            signals.add(new Signal("reader" + u, "book", 1));
            signals.add(new Signal("reader" + u, "lamp", 1));
            signals.add(new Signal("reader" + u, "novel", 1));
        }
        return signals;
    }

    @Test
    void ranksItemsCoConsumedByNeighboursFirstForAUserFoldedInAtQueryTime() {
        AlsModel model = AlsModel.train(campersAndReaders(), SMALL);

        List<ScoredItem> forTentOwner = model.recommend(Map.of("tent", 1.0), Set.of(), 2);
        List<ScoredItem> forBookOwner = model.recommend(Map.of("book", 1.0), Set.of(), 2);

        assertThat(forTentOwner).extracting(ScoredItem::itemId).containsExactlyInAnyOrder("stove", "torch");
        assertThat(forBookOwner).extracting(ScoredItem::itemId).containsExactlyInAnyOrder("lamp", "novel");
    }

    @Test
    void neverRecommendsOwnedOrExcludedItems() {
        AlsModel model = AlsModel.train(campersAndReaders(), SMALL);

        assertThat(model.recommend(Map.of("tent", 1.0), Set.of("stove"), 10))
                .extracting(ScoredItem::itemId)
                .doesNotContain("tent", "stove")
                .hasSize(4);
    }

    @Test
    void similarItemsShareTheirFactorDirection() {
        AlsModel model = AlsModel.train(campersAndReaders(), SMALL);

        assertThat(model.similar("tent", Set.of(), 5))
                .extracting(ScoredItem::itemId)
                .startsWith("stove", "torch")
                .doesNotContain("tent");
        assertThat(model.similar("tent", Set.of("stove"), 1))
                .extracting(ScoredItem::itemId)
                .containsExactly("torch");
    }

    @Test
    void trainingIsDeterministicWhateverTheInputOrder() {
        List<Signal> reversed = new ArrayList<>(campersAndReaders());
        Collections.reverse(reversed);

        List<ScoredItem> first = AlsModel.train(campersAndReaders(), SMALL).recommend(Map.of("tent", 1.0), Set.of(), 5);
        List<ScoredItem> second = AlsModel.train(reversed, SMALL).recommend(Map.of("tent", 1.0), Set.of(), 5);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void knowsNothingOfUnseenItemsOrEmptyHistories() {
        AlsModel model = AlsModel.train(campersAndReaders(), SMALL);
        AlsModel untrained = AlsModel.train(List.of(), AlsModel.Settings.DEFAULTS);

        assertThat(model.recommend(Map.of("kayak", 1.0), Set.of(), 3)).isEmpty();
        assertThat(model.similar("kayak", Set.of(), 3)).isEmpty();
        assertThat(untrained.recommend(Map.of("tent", 1.0), Set.of(), 3)).isEmpty();
        assertThat(untrained.itemCount()).isZero();
    }

    @Test
    void recoversTasteGroupsFromNoisyWeightedHistories() {
        // 600 users over 300 items in 10 taste groups of 30 items, 12 weighted interactions each
        Random random = new Random(7);
        List<Signal> signals = new ArrayList<>();
        for (int u = 0; u < 600; u++) {
            int group = u % 10;
            for (int x = 0; x < 12; x++) {
                signals.add(new Signal("u" + u, "i" + (group * 30 + random.nextInt(30)), 1 + random.nextInt(3)));
            }
        }
        AlsModel model = AlsModel.train(signals, new AlsModel.Settings(16, 8, 30, 2, 42));

        // a newcomer with three items of group 3 (ids i90..i119) is recommended only group 3
        assertThat(model.recommend(Map.of("i90", 1.0, "i91", 1.0, "i92", 1.0), Set.of(), 5))
                .hasSize(5)
                .extracting(ScoredItem::itemId)
                .allSatisfy(
                        item -> assertThat(Integer.parseInt(item.substring(1))).isBetween(90, 119));
    }
}

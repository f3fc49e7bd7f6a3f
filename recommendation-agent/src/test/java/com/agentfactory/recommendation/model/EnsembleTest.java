package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    @Test
    void rankNormalisationLetsASmallScaleSourceCountAsMuchAsALargeOne() {
        // popularity scores in the thousands, CF in fractions: by rank, each source's top item is worth 1, so CF's
        // top item outranks popularity's second although its raw score is thousands of times smaller
        Map<String, List<ScoredItem>> sources = Map.of(
                Ensemble.COLLABORATIVE,
                        List.of(
                                new ScoredItem("cf-top", 0.9),
                                new ScoredItem("shared", 0.8),
                                new ScoredItem("cf-low", 0.1)),
                Ensemble.POPULARITY,
                        List.of(
                                new ScoredItem("shared", 5000),
                                new ScoredItem("pop-2", 4000),
                                new ScoredItem("pop-3", 10)));

        List<ScoredItem> blended =
                Ensemble.blend(sources, Map.of(Ensemble.COLLABORATIVE, 0.5, Ensemble.POPULARITY, 0.5), 3);

        assertThat(blended).extracting(ScoredItem::itemId).containsExactly("shared", "cf-top", "pop-2");
        assertThat(blended.getFirst().score()).isCloseTo(0.5 * 2 / 3 + 0.5, within(1e-12));
    }

    @Test
    void theHeavierSourceWinsWhenSourcesDisagree() {
        Map<String, List<ScoredItem>> sources = Map.of(
                Ensemble.COLLABORATIVE, List.of(new ScoredItem("cf", 1)),
                Ensemble.CONTENT, List.of(new ScoredItem("content", 1)),
                Ensemble.POPULARITY, List.of(new ScoredItem("popular", 1)));

        assertThat(Ensemble.blend(sources, Ensemble.DEFAULT_WEIGHTS, 3))
                .extracting(ScoredItem::itemId)
                .containsExactly("cf", "content", "popular");
    }

    @Test
    void aSourceWithoutAWeightContributesNothing() {
        Map<String, List<ScoredItem>> sources = Map.of(
                Ensemble.COLLABORATIVE,
                List.of(new ScoredItem("cf", 1)),
                "unweighted",
                List.of(new ScoredItem("x", 9)));

        assertThat(Ensemble.blend(sources, Ensemble.DEFAULT_WEIGHTS, 10))
                .extracting(ScoredItem::itemId)
                .containsExactly("cf");
    }

    @Test
    void minMaxKeepsTheGapsBetweenScores() {
        List<ScoredItem> normalised = Ensemble.normalise(
                List.of(new ScoredItem("a", 10), new ScoredItem("b", 9), new ScoredItem("c", 0)),
                Ensemble.Normalisation.MIN_MAX);

        assertThat(normalised).extracting(ScoredItem::score).containsExactly(1.0, 0.9, 0.0);
    }

    @Test
    void rankNormalisationFallsLinearlyFromOne() {
        List<ScoredItem> normalised = Ensemble.normalise(
                List.of(
                        new ScoredItem("a", 10),
                        new ScoredItem("b", 9),
                        new ScoredItem("c", 0),
                        new ScoredItem("d", -3)),
                Ensemble.Normalisation.RANK);

        assertThat(normalised).extracting(ScoredItem::score).containsExactly(1.0, 0.75, 0.5, 0.25);
    }
}

package com.agentfactory.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    // recommended a b c d, relevant b d x: hits at ranks 2 and 4 (1-based)
    private static final List<String> LIST = List.of("a", "b", "c", "d");
    private static final Set<String> RELEVANT = Set.of("b", "d", "x");

    @Test
    void hitRateIsOneWhenAnyRelevantItemIsInTheTopK() {
        assertThat(RankingMetrics.hitRate(LIST, RELEVANT, 4)).isEqualTo(1.0);
        assertThat(RankingMetrics.hitRate(LIST, RELEVANT, 1)).isEqualTo(0.0);
    }

    @Test
    void precisionDividesHitsByK() {
        assertThat(RankingMetrics.precision(LIST, RELEVANT, 4)).isEqualTo(0.5);
        // a short list still counts against k
        assertThat(RankingMetrics.precision(List.of("b"), RELEVANT, 10)).isEqualTo(0.1);
    }

    @Test
    void recallDividesHitsByTheRelevantCount() {
        assertThat(RankingMetrics.recall(LIST, RELEVANT, 4)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void ndcgDiscountsHitsByTheLogOfTheirRank() {
        double dcg = 1 / log2(3) + 1 / log2(5);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4);

        assertThat(RankingMetrics.ndcg(LIST, RELEVANT, 4)).isCloseTo(dcg / ideal, within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of("b", "d", "x"), RELEVANT, 3)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void averagePrecisionAveragesPrecisionAtEachHit() {
        // (1/2 + 2/4) / min(4, 3)
        assertThat(RankingMetrics.averagePrecision(LIST, RELEVANT, 4)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.averagePrecision(List.of("c"), RELEVANT, 4)).isEqualTo(0.0);
    }

    @Test
    void catalogCoverageCountsDistinctItemsShownOverTheCatalog() {
        assertThat(RankingMetrics.catalogCoverage(List.of(List.of("a", "b"), List.of("b", "c")), 6))
                .isEqualTo(0.5);
    }

    @Test
    void intraListDiversityIsTheMeanPairwiseDissimilarity() {
        // pairs ab=0.5 sim, ac=0, bc=1 -> dissimilarities 0.5, 1, 0
        double diversity = RankingMetrics.intraListDiversity(List.of("a", "b", "c"), (x, y) -> {
            String pair = x + y;
            return switch (pair) {
                case "ab" -> 0.5;
                case "bc" -> 1.0;
                default -> 0.0;
            };
        });

        assertThat(diversity).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.intraListDiversity(List.of("a"), (x, y) -> 0)).isEqualTo(0.0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

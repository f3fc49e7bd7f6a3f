package com.agentfactory.recommendation.evaluation;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;

/**
 * Top-k ranking metrics of one recommendation list against the items a user actually went on to use.
 * MAP divides by min(k, |relevant|) so a perfect list scores 1 even when the user has more than k items.
 */
final class RankingMetrics {

    private RankingMetrics() {}

    static double hitRate(List<String> recommended, Set<String> relevant, int k) {
        return hits(recommended, relevant, k) > 0 ? 1.0 : 0.0;
    }

    static double precision(List<String> recommended, Set<String> relevant, int k) {
        return (double) hits(recommended, relevant, k) / k;
    }

    static double recall(List<String> recommended, Set<String> relevant, int k) {
        return relevant.isEmpty() ? 0.0 : (double) hits(recommended, relevant, k) / relevant.size();
    }

    static double ndcg(List<String> recommended, Set<String> relevant, int k) {
        double dcg = 0;
        List<String> top = top(recommended, k);
        for (int rank = 0; rank < top.size(); rank++) {
            if (relevant.contains(top.get(rank))) {
                dcg += discount(rank);
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevant.size()); rank++) {
            ideal += discount(rank);
        }
        return ideal == 0 ? 0.0 : dcg / ideal;
    }

    static double averagePrecision(List<String> recommended, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        int hits = 0;
        List<String> top = top(recommended, k);
        for (int rank = 0; rank < top.size(); rank++) {
            if (relevant.contains(top.get(rank))) {
                hits++;
                sum += (double) hits / (rank + 1);
            }
        }
        return sum / Math.min(k, relevant.size());
    }

    /** Share of the catalog that appears in at least one list. */
    static double catalogCoverage(Collection<List<String>> lists, int catalogSize) {
        if (catalogSize == 0) {
            return 0.0;
        }
        Set<String> shown = new HashSet<>();
        lists.forEach(shown::addAll);
        return (double) shown.size() / catalogSize;
    }

    /** Mean dissimilarity (1 - similarity) over all pairs of one list; 0 for lists of fewer than two items. */
    static double intraListDiversity(List<String> list, ToDoubleBiFunction<String, String> similarity) {
        int pairs = 0;
        double dissimilarity = 0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                dissimilarity += 1.0 - similarity.applyAsDouble(list.get(i), list.get(j));
                pairs++;
            }
        }
        return pairs == 0 ? 0.0 : dissimilarity / pairs;
    }

    private static int hits(List<String> recommended, Set<String> relevant, int k) {
        return (int) top(recommended, k).stream().filter(relevant::contains).count();
    }

    private static List<String> top(List<String> recommended, int k) {
        return recommended.subList(0, Math.min(k, recommended.size()));
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 2) / Math.log(2));
    }
}

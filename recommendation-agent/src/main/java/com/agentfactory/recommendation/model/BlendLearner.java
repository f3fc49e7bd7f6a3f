package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Learns the ensemble's weight per source by coordinate ascent on the mean nDCG@k of a validation set: it
 * starts from the best single source (so the blend is never worse than it on that set) and changes one
 * weight at a time over a grid while that raises the mean, for a few sweeps. The blend is a weighted sum of
 * rank-normalised lists ({@link Ensemble}), so only the ratios of the weights matter. Written here because
 * the search is a few lines over lists the models already produce; a learning-to-rank library would need
 * features and a training pipeline the service does not have.
 */
public final class BlendLearner {

    private static final double[] GRID = {0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0};
    private static final int SWEEPS = 3;

    /** One validation user: each source's list, best first, and the items they went on to buy. */
    public record Example(Map<String, List<ScoredItem>> sources, Set<String> relevant) {}

    /** The learned weights and the validation nDCG they reach, with each single source's for comparison. */
    public record Result(Map<String, Double> weights, double ndcg, Map<String, Double> singleNdcg, int users) {}

    private BlendLearner() {}

    public static Result learn(List<Example> examples, int k) {
        Set<String> names = new TreeSet<>();
        examples.forEach(example -> example.sources().forEach((name, list) -> {
            if (!list.isEmpty()) {
                names.add(name);
            }
        }));
        List<String> sources = List.copyOf(names);
        List<Candidates> normalised = new ArrayList<>();
        for (Example example : examples) {
            if (!example.relevant().isEmpty()) {
                normalised.add(Candidates.of(example, sources));
            }
        }
        Map<String, Double> single = new LinkedHashMap<>();
        double[] weights = new double[sources.size()];
        int best = -1;
        double bestNdcg = -1;
        for (int s = 0; s < sources.size(); s++) {
            double[] only = new double[sources.size()];
            only[s] = 1;
            double ndcg = meanNdcg(normalised, only, k);
            single.put(sources.get(s), ndcg);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = s;
            }
        }
        if (best < 0) {
            return new Result(Map.of(), 0, single, normalised.size());
        }
        weights[best] = 1;
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean improved = false;
            for (int s = 0; s < sources.size(); s++) {
                double kept = weights[s];
                for (double candidate : GRID) {
                    if (candidate == kept) {
                        continue;
                    }
                    weights[s] = candidate;
                    double ndcg = meanNdcg(normalised, weights, k);
                    // a strict gain only: ties keep the simpler (earlier) blend
                    if (ndcg > bestNdcg + 1e-9) {
                        bestNdcg = ndcg;
                        kept = candidate;
                        improved = true;
                    }
                }
                weights[s] = kept;
            }
            if (!improved) {
                break;
            }
        }
        Map<String, Double> learned = new LinkedHashMap<>();
        for (int s = 0; s < sources.size(); s++) {
            if (weights[s] > 0) {
                learned.put(sources.get(s), weights[s]);
            }
        }
        return new Result(learned, bestNdcg, single, normalised.size());
    }

    /**
     * One validation user's candidates indexed once: per source the positions of its items in the union
     * and their rank-normalised scores, and which positions are relevant, so each trial blend is array sums.
     */
    private record Candidates(int size, int[][] items, double[][] scores, boolean[] relevant, double ideal) {

        static Candidates of(Example example, List<String> sources) {
            Map<String, Integer> index = new HashMap<>();
            int[][] items = new int[sources.size()][];
            double[][] scores = new double[sources.size()][];
            for (int s = 0; s < sources.size(); s++) {
                List<ScoredItem> list = Ensemble.normalise(
                        example.sources().getOrDefault(sources.get(s), List.of()), Ensemble.Normalisation.RANK);
                items[s] = new int[list.size()];
                scores[s] = new double[list.size()];
                for (int r = 0; r < list.size(); r++) {
                    items[s][r] = index.computeIfAbsent(list.get(r).itemId(), id -> index.size());
                    scores[s][r] = list.get(r).score();
                }
            }
            boolean[] relevant = new boolean[index.size()];
            index.forEach(
                    (item, position) -> relevant[position] = example.relevant().contains(item));
            return new Candidates(
                    index.size(), items, scores, relevant, example.relevant().size());
        }
    }

    private static double meanNdcg(List<Candidates> users, double[] weights, int k) {
        if (users.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (Candidates user : users) {
            double[] blended = new double[user.size()];
            for (int s = 0; s < weights.length; s++) {
                double weight = weights[s];
                if (weight > 0) {
                    int[] items = user.items()[s];
                    double[] scores = user.scores()[s];
                    for (int r = 0; r < items.length; r++) {
                        blended[items[r]] += weight * scores[r];
                    }
                }
            }
            // the k best positions by selection: k is small, the union a few hundred
            boolean[] taken = new boolean[blended.length];
            double dcg = 0;
            for (int rank = 0; rank < Math.min(k, blended.length); rank++) {
                int best = -1;
                for (int i = 0; i < blended.length; i++) {
                    if (!taken[i] && blended[i] > 0 && (best < 0 || blended[i] > blended[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break;
                }
                taken[best] = true;
                if (user.relevant()[best]) {
                    dcg += 1.0 / (Math.log(rank + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(k, (int) user.ideal()); rank++) {
                ideal += 1.0 / (Math.log(rank + 2) / Math.log(2));
            }
            total += ideal == 0 ? 0 : dcg / ideal;
        }
        return total / users.size();
    }

    /** nDCG@k with binary gains. */
    static double ndcg(List<ScoredItem> list, Set<String> relevant, int k) {
        double dcg = 0;
        for (int rank = 0; rank < Math.min(k, list.size()); rank++) {
            if (relevant.contains(list.get(rank).itemId())) {
                dcg += 1.0 / (Math.log(rank + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevant.size()); rank++) {
            ideal += 1.0 / (Math.log(rank + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }
}

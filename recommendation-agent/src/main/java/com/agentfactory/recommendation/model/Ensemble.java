package com.agentfactory.recommendation.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted blend of several sources' scored lists. Each list is normalised before weighting because the
 * sources score on unrelated scales (summed cosines, decayed counts, latent dot products that may be
 * negative). The default is rank-based normalisation: an item's normalised score is 1 at the top of a list
 * falling linearly to 1/length at its bottom, so one outlier score (a best seller with ten times the
 * next item's count) cannot flatten the rest of its list as it would under min-max. Min-max is offered
 * for sources whose score gaps carry meaning.
 */
public final class Ensemble {

    public static final String COLLABORATIVE = "collaborative";
    public static final String CONTENT = "content";
    public static final String POPULARITY = "popularity";

    /** CF 0.5, content 0.3, popularity 0.2. */
    public static final Map<String, Double> DEFAULT_WEIGHTS = Map.of(COLLABORATIVE, 0.5, CONTENT, 0.3, POPULARITY, 0.2);

    public enum Normalisation {
        RANK,
        MIN_MAX
    }

    private Ensemble() {}

    /** Rank-normalised blend; sources without a weight are ignored. */
    public static List<ScoredItem> blend(Map<String, List<ScoredItem>> sources, Map<String, Double> weights, int n) {
        return blend(sources, weights, Normalisation.RANK, n);
    }

    /**
     * @param sources each source's list, best first
     * @param weights each source's weight; a source missing here contributes nothing
     * @return the n items with the highest weighted sum of normalised scores, best first
     */
    public static List<ScoredItem> blend(
            Map<String, List<ScoredItem>> sources, Map<String, Double> weights, Normalisation normalisation, int n) {
        Map<String, Double> blended = new HashMap<>();
        sources.forEach((source, list) -> {
            double weight = weights.getOrDefault(source, 0.0);
            if (weight == 0 || list.isEmpty()) {
                return;
            }
            List<ScoredItem> normalised = normalise(list, normalisation);
            for (ScoredItem item : normalised) {
                blended.merge(item.itemId(), weight * item.score(), Double::sum);
            }
        });
        return blended.entrySet().stream()
                .map(entry -> new ScoredItem(entry.getKey(), entry.getValue()))
                .sorted(ItemCfModel.BY_SCORE_DESC)
                .limit(n)
                .toList();
    }

    /** The list with scores mapped into [0, 1], order kept. */
    public static List<ScoredItem> normalise(List<ScoredItem> list, Normalisation normalisation) {
        int size = list.size();
        if (normalisation == Normalisation.RANK) {
            return java.util.stream.IntStream.range(0, size)
                    .mapToObj(rank -> new ScoredItem(list.get(rank).itemId(), (double) (size - rank) / size))
                    .toList();
        }
        double min = list.stream().mapToDouble(ScoredItem::score).min().orElse(0);
        double max = list.stream().mapToDouble(ScoredItem::score).max().orElse(0);
        double range = max - min;
        // a list of equal scores carries no order beyond its own: every item counts fully
        return list.stream()
                .map(item -> new ScoredItem(item.itemId(), range == 0 ? 1.0 : (item.score() - min) / range))
                .toList();
    }
}

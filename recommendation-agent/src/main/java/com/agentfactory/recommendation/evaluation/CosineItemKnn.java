package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The yardstick the served models must beat: plain item-kNN on binary purchases. An item's score for a
 * user is the sum of its cosine similarities (co-buyers / sqrt(buyers of one * buyers of the other)) to
 * every item the user bought, over all neighbours, with no weighting, pruning or normalisation. Kept
 * apart from the served item-CF so the comparison checks that model instead of repeating it; the full
 * similarity matrix is dense (floats), which a few thousand items afford.
 */
final class CosineItemKnn {

    private final Map<String, Integer> index;
    private final String[] items;
    private final float[][] similarity;

    private CosineItemKnn(Map<String, Integer> index, String[] items, float[][] similarity) {
        this.index = index;
        this.items = items;
        this.similarity = similarity;
    }

    static CosineItemKnn train(Map<String, Set<String>> itemsByUser) {
        Map<String, Integer> index = new HashMap<>();
        List<String> items = new ArrayList<>();
        List<int[]> baskets = new ArrayList<>();
        for (Set<String> bought : itemsByUser.values()) {
            int[] basket = new int[bought.size()];
            int b = 0;
            for (String item : bought) {
                basket[b++] = index.computeIfAbsent(item, id -> {
                    items.add(id);
                    return items.size() - 1;
                });
            }
            baskets.add(basket);
        }
        int n = items.size();
        float[][] common = new float[n][n];
        int[] buyers = new int[n];
        for (int[] basket : baskets) {
            for (int a : basket) {
                buyers[a]++;
                float[] row = common[a];
                for (int b : basket) {
                    row[b]++;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                common[a][b] = a == b || common[a][b] == 0
                        ? 0f
                        : (float) (common[a][b] / Math.sqrt((double) buyers[a] * buyers[b]));
            }
        }
        return new CosineItemKnn(index, items.toArray(String[]::new), common);
    }

    List<ScoredItem> recommend(Set<String> bought, Set<String> exclude, int n) {
        double[] scores = new double[items.length];
        for (String item : bought) {
            Integer a = index.get(item);
            if (a != null) {
                float[] row = similarity[a];
                for (int b = 0; b < row.length; b++) {
                    scores[b] += row[b];
                }
            }
        }
        List<ScoredItem> scored = new ArrayList<>();
        for (int b = 0; b < scores.length; b++) {
            if (scores[b] > 0 && !exclude.contains(items[b]) && !bought.contains(items[b])) {
                scored.add(new ScoredItem(items[b], scores[b]));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId));
        return scored.subList(0, Math.min(n, scored.size()));
    }
}

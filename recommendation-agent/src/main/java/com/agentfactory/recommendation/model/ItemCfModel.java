package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Item-item collaborative filtering: cosine similarity of item columns of the user-item matrix, keeping
 * the strongest neighbours of each item. Written by hand because no sparse-matrix library is managed by
 * the build, and the computation (one accumulation pass per item over its users' baskets) is short enough
 * to read and test directly; memory stays at one dense scratch row plus the kept neighbours, stored as
 * index and float arrays (8 bytes a neighbour) so that long neighbour lists fit: cutting them short drops
 * the many weak similarities whose sum is what ranks a generally liked item for a long history, and
 * scored below plain cosine item-kNN on Online Retail.
 */
public final class ItemCfModel {

    private final Map<String, Integer> index;
    private final String[] items;
    private final int[][] neighbourIndex;
    private final float[][] neighbourSimilarity;

    private ItemCfModel(
            Map<String, Integer> index, String[] items, int[][] neighbourIndex, float[][] neighbourSimilarity) {
        this.index = index;
        this.items = items;
        this.neighbourIndex = neighbourIndex;
        this.neighbourSimilarity = neighbourSimilarity;
    }

    /** @param maxNeighbours how many most similar items are kept per item */
    public static ItemCfModel train(Collection<Signal> signals, int maxNeighbours) {
        Map<String, Integer> itemIndex = new HashMap<>();
        List<String> items = new ArrayList<>();
        Map<String, Map<Integer, Double>> byUser = new HashMap<>();
        for (Signal signal : signals) {
            int item = itemIndex.computeIfAbsent(signal.itemId(), id -> {
                items.add(id);
                return items.size() - 1;
            });
            byUser.computeIfAbsent(signal.userId(), id -> new HashMap<>()).merge(item, signal.weight(), Double::sum);
        }
        int itemCount = items.size();
        List<int[]> userItems = new ArrayList<>();
        List<double[]> userWeights = new ArrayList<>();
        List<List<Integer>> itemUsers = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) {
            itemUsers.add(new ArrayList<>());
        }
        double[] norms = new double[itemCount];
        for (Map<Integer, Double> basket : byUser.values()) {
            int user = userItems.size();
            int[] basketItems = new int[basket.size()];
            double[] basketWeights = new double[basket.size()];
            int k = 0;
            for (var entry : basket.entrySet()) {
                basketItems[k] = entry.getKey();
                basketWeights[k] = entry.getValue();
                norms[entry.getKey()] += entry.getValue() * entry.getValue();
                itemUsers.get(entry.getKey()).add(user);
                k++;
            }
            userItems.add(basketItems);
            userWeights.add(basketWeights);
        }
        for (int i = 0; i < itemCount; i++) {
            norms[i] = Math.sqrt(norms[i]);
        }

        int[][] neighbourIndex = new int[itemCount][];
        float[][] neighbourSimilarity = new float[itemCount][];
        double[] dot = new double[itemCount];
        boolean[] touched = new boolean[itemCount];
        int[] touchedList = new int[itemCount];
        for (int i = 0; i < itemCount; i++) {
            int touchedCount = 0;
            for (int user : itemUsers.get(i)) {
                int[] basketItems = userItems.get(user);
                double[] basketWeights = userWeights.get(user);
                double weightOfI = weightOf(basketItems, basketWeights, i);
                for (int k = 0; k < basketItems.length; k++) {
                    int j = basketItems[k];
                    if (j == i) {
                        continue;
                    }
                    if (!touched[j]) {
                        touched[j] = true;
                        touchedList[touchedCount++] = j;
                    }
                    dot[j] += weightOfI * basketWeights[k];
                }
            }
            List<ScoredItem> similar = new ArrayList<>(touchedCount);
            for (int t = 0; t < touchedCount; t++) {
                int j = touchedList[t];
                double denominator = norms[i] * norms[j];
                if (denominator > 0 && dot[j] > 0) {
                    similar.add(new ScoredItem(items.get(j), dot[j] / denominator));
                }
                dot[j] = 0;
                touched[j] = false;
            }
            similar.sort(BY_SCORE_DESC);
            int kept = Math.min(maxNeighbours, similar.size());
            neighbourIndex[i] = new int[kept];
            neighbourSimilarity[i] = new float[kept];
            for (int n = 0; n < kept; n++) {
                neighbourIndex[i][n] = itemIndex.get(similar.get(n).itemId());
                neighbourSimilarity[i][n] = (float) similar.get(n).score();
            }
        }
        return new ItemCfModel(itemIndex, items.toArray(String[]::new), neighbourIndex, neighbourSimilarity);
    }

    static final Comparator<ScoredItem> BY_SCORE_DESC =
            Comparator.comparingDouble(ScoredItem::score).reversed().thenComparing(ScoredItem::itemId);

    private static double weightOf(int[] basketItems, double[] basketWeights, int item) {
        for (int k = 0; k < basketItems.length; k++) {
            if (basketItems[k] == item) {
                return basketWeights[k];
            }
        }
        return 0;
    }

    /** The items most similar to one item, best first; empty for an item nobody interacted with. */
    public List<ScoredItem> similar(String itemId, int limit) {
        return similar(itemId, Set.of(), limit);
    }

    /** The items most similar to one item, best first, without those in {@code exclude}. */
    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        Integer i = index.get(itemId);
        if (i == null) {
            return List.of();
        }
        List<ScoredItem> similar = new ArrayList<>(Math.min(n, neighbourIndex[i].length));
        for (int k = 0; k < neighbourIndex[i].length && similar.size() < n; k++) {
            String other = items[neighbourIndex[i][k]];
            if (!exclude.contains(other)) {
                similar.add(new ScoredItem(other, neighbourSimilarity[i][k]));
            }
        }
        return similar;
    }

    /**
     * Items scored for a user from their weighted history: the sum of each history item's weight times its
     * similarity to the candidate. Items in {@code exclude} are never returned.
     */
    public List<ScoredItem> recommend(Map<String, Double> history, Set<String> exclude, int limit) {
        double[] scores = new double[items.length];
        boolean any = false;
        for (var entry : history.entrySet()) {
            Integer i = index.get(entry.getKey());
            if (i == null) {
                continue;
            }
            any = true;
            double weight = entry.getValue();
            int[] others = neighbourIndex[i];
            float[] similarity = neighbourSimilarity[i];
            for (int k = 0; k < others.length; k++) {
                scores[others[k]] += weight * similarity[k];
            }
        }
        if (!any) {
            return List.of();
        }
        Map<String, Double> candidates = new HashMap<>();
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > 0 && !exclude.contains(items[j])) {
                candidates.put(items[j], scores[j]);
            }
        }
        return top(candidates, limit);
    }

    /** The {@code limit} best of a score map, best first. */
    static List<ScoredItem> top(Map<String, Double> scores, int limit) {
        return scores.entrySet().stream()
                .map(entry -> new ScoredItem(entry.getKey(), entry.getValue()))
                .sorted(BY_SCORE_DESC)
                .limit(limit)
                .toList();
    }

    public int itemCount() {
        return items.length;
    }

    public int itemsWithNeighbours() {
        int with = 0;
        for (int[] others : neighbourIndex) {
            with += others.length > 0 ? 1 : 0;
        }
        return with;
    }
}

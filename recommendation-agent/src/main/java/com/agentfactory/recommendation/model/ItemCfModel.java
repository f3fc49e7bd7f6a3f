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
 * to read and test directly; memory stays at one dense scratch row plus the kept neighbours.
 */
public final class ItemCfModel {

    private final Map<String, List<ScoredItem>> neighbours;

    private ItemCfModel(Map<String, List<ScoredItem>> neighbours) {
        this.neighbours = neighbours;
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

        Map<String, List<ScoredItem>> neighbours = new HashMap<>();
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
            neighbours.put(items.get(i), List.copyOf(similar.subList(0, Math.min(maxNeighbours, similar.size()))));
        }
        return new ItemCfModel(neighbours);
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
        List<ScoredItem> all = neighbours.getOrDefault(itemId, List.of());
        return all.subList(0, Math.min(limit, all.size()));
    }

    /** The items most similar to one item, best first, without those in {@code exclude}. */
    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        return neighbours.getOrDefault(itemId, List.of()).stream()
                .filter(item -> !exclude.contains(item.itemId()))
                .limit(n)
                .toList();
    }

    /**
     * Items scored for a user from their weighted history: the sum of each history item's weight times its
     * similarity to the candidate. Items in {@code exclude} are never returned.
     */
    public List<ScoredItem> recommend(Map<String, Double> history, Set<String> exclude, int limit) {
        Map<String, Double> scores = new HashMap<>();
        history.forEach((item, weight) -> {
            for (ScoredItem neighbour : neighbours.getOrDefault(item, List.of())) {
                if (!exclude.contains(neighbour.itemId())) {
                    scores.merge(neighbour.itemId(), weight * neighbour.score(), Double::sum);
                }
            }
        });
        return top(scores, limit);
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
        return neighbours.size();
    }

    public int itemsWithNeighbours() {
        return (int)
                neighbours.values().stream().filter(list -> !list.isEmpty()).count();
    }
}

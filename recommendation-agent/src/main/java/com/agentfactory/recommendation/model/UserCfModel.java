package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * User-user collaborative filtering: the users whose weighted item vectors are most cosine-similar to a
 * history vote for their items, each vote weighted by the neighbour's similarity. The history is matched
 * against the training users at request time, so a user who arrived after training is served too.
 * Written by hand for the same reason as {@link ItemCfModel}: an inverted item-to-users index is all it needs.
 */
public final class UserCfModel {

    private final Map<String, Map<String, Double>> usersByItem;
    private final Map<String, Map<String, Double>> itemsByUser;
    private final Map<String, Double> norms;
    private final int neighbours;

    private UserCfModel(
            Map<String, Map<String, Double>> usersByItem,
            Map<String, Map<String, Double>> itemsByUser,
            Map<String, Double> norms,
            int neighbours) {
        this.usersByItem = usersByItem;
        this.itemsByUser = itemsByUser;
        this.norms = norms;
        this.neighbours = neighbours;
    }

    /** @param neighbours how many most similar users vote */
    public static UserCfModel train(Collection<Signal> signals, int neighbours) {
        Map<String, Map<String, Double>> itemsByUser = new HashMap<>();
        signals.forEach(signal -> itemsByUser
                .computeIfAbsent(signal.userId(), u -> new HashMap<>())
                .merge(signal.itemId(), signal.weight(), Double::sum));
        Map<String, Map<String, Double>> usersByItem = new HashMap<>();
        Map<String, Double> norms = new HashMap<>();
        itemsByUser.forEach((user, items) -> {
            double squares = 0;
            for (var entry : items.entrySet()) {
                usersByItem
                        .computeIfAbsent(entry.getKey(), i -> new HashMap<>())
                        .put(user, entry.getValue());
                squares += entry.getValue() * entry.getValue();
            }
            norms.put(user, Math.sqrt(squares));
        });
        return new UserCfModel(usersByItem, itemsByUser, norms, neighbours);
    }

    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        Map<String, Double> dots = new HashMap<>();
        double squares = 0;
        for (var entry : userItemWeights.entrySet()) {
            squares += entry.getValue() * entry.getValue();
            usersByItem
                    .getOrDefault(entry.getKey(), Map.of())
                    .forEach((user, weight) -> dots.merge(user, weight * entry.getValue(), Double::sum));
        }
        double norm = Math.sqrt(squares);
        if (norm == 0) {
            return List.of();
        }
        PriorityQueue<ScoredItem> nearest = new PriorityQueue<>(ItemCfModel.BY_SCORE_DESC.reversed());
        dots.forEach((user, dot) -> {
            nearest.add(new ScoredItem(user, dot / (norm * norms.get(user))));
            if (nearest.size() > neighbours) {
                nearest.poll();
            }
        });
        Map<String, Double> scores = new HashMap<>();
        for (ScoredItem neighbour : new ArrayList<>(nearest)) {
            itemsByUser.get(neighbour.itemId()).forEach((item, weight) -> {
                if (!exclude.contains(item) && !userItemWeights.containsKey(item)) {
                    scores.merge(item, neighbour.score() * weight, Double::sum);
                }
            });
        }
        return ItemCfModel.top(scores, n);
    }

    public int userCount() {
        return itemsByUser.size();
    }
}

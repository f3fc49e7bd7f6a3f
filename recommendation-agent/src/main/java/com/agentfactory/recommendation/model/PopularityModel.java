package com.agentfactory.recommendation.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Items ranked by the summed weight of their signals, globally and within each category. With decayed
 * weights this is "trending"; it is also the answer for users the other models know nothing about.
 */
public final class PopularityModel {

    private final List<ScoredItem> global;
    private final Map<String, List<ScoredItem>> byCategory;

    private PopularityModel(List<ScoredItem> global, Map<String, List<ScoredItem>> byCategory) {
        this.global = global;
        this.byCategory = byCategory;
    }

    /** @param categories each item's category; items without one are ranked only globally */
    public static PopularityModel train(Collection<Signal> signals, Map<String, String> categories) {
        Map<String, Double> totals = new HashMap<>();
        signals.forEach(signal -> totals.merge(signal.itemId(), signal.weight(), Double::sum));
        List<ScoredItem> global = totals.entrySet().stream()
                .map(entry -> new ScoredItem(entry.getKey(), entry.getValue()))
                .sorted(ItemCfModel.BY_SCORE_DESC)
                .toList();
        Map<String, List<ScoredItem>> byCategory = new HashMap<>();
        for (ScoredItem item : global) {
            String category = categories.get(item.itemId());
            if (category != null) {
                byCategory
                        .computeIfAbsent(category, c -> new java.util.ArrayList<>())
                        .add(item);
            }
        }
        byCategory.replaceAll((category, items) -> List.copyOf(items));
        return new PopularityModel(global, byCategory);
    }

    public List<ScoredItem> top(Set<String> exclude, int limit) {
        return global.stream()
                .filter(item -> !exclude.contains(item.itemId()))
                .limit(limit)
                .toList();
    }

    /** The same shape as the personal models; popularity ignores the history except for not repeating it. */
    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        return global.stream()
                .filter(item -> !exclude.contains(item.itemId()) && !userItemWeights.containsKey(item.itemId()))
                .limit(n)
                .toList();
    }

    public List<ScoredItem> topInCategory(String category, Set<String> exclude, int limit) {
        return byCategory.getOrDefault(category, List.of()).stream()
                .filter(item -> !exclude.contains(item.itemId()))
                .limit(limit)
                .toList();
    }

    public int itemCount() {
        return global.size();
    }
}

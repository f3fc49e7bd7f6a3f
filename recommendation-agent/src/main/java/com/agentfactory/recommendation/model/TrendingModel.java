package com.agentfactory.recommendation.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recency-aware popularity per country, the cold-start list of a customer nobody knows yet: each item's
 * share of the (already time-decayed) signals of the customer's country, shrunk towards its global share
 * by {@code shrinkage} pseudo-signals (a small country leans on the global list, a large one on its own),
 * and the global share alone for a customer of unknown or unseen country.
 */
public final class TrendingModel {

    private final List<ScoredItem> global;
    private final Map<String, Double> globalShare;
    private final Map<String, Map<String, Double>> byCountry;
    private final Map<String, Double> countryTotals;
    private final double shrinkage;

    private TrendingModel(
            List<ScoredItem> global,
            Map<String, Double> globalShare,
            Map<String, Map<String, Double>> byCountry,
            Map<String, Double> countryTotals,
            double shrinkage) {
        this.global = global;
        this.globalShare = globalShare;
        this.byCountry = byCountry;
        this.countryTotals = countryTotals;
        this.shrinkage = shrinkage;
    }

    /**
     * @param signals decayed by their age, so recent demand weighs most
     * @param countryOfUser each user's country; users without one count only globally
     * @param shrinkage how many signals of global demand are mixed into every country's counts
     */
    public static TrendingModel train(Collection<Signal> signals, Map<String, String> countryOfUser, double shrinkage) {
        Map<String, Double> totals = new HashMap<>();
        Map<String, Map<String, Double>> byCountry = new HashMap<>();
        Map<String, Double> countryTotals = new HashMap<>();
        double sum = 0;
        for (Signal signal : signals) {
            totals.merge(signal.itemId(), signal.weight(), Double::sum);
            sum += signal.weight();
            String country = countryOfUser.get(signal.userId());
            if (country != null) {
                byCountry
                        .computeIfAbsent(country, c -> new HashMap<>())
                        .merge(signal.itemId(), signal.weight(), Double::sum);
                countryTotals.merge(country, signal.weight(), Double::sum);
            }
        }
        double total = sum;
        Map<String, Double> share = new HashMap<>();
        totals.forEach((item, weight) -> share.put(item, total > 0 ? weight / total : 0.0));
        return new TrendingModel(ItemCfModel.top(share, Integer.MAX_VALUE), share, byCountry, countryTotals, shrinkage);
    }

    /** The most demanded items now in the country (backing off to global), without those in {@code exclude}. */
    public List<ScoredItem> top(String country, Set<String> exclude, int n) {
        Map<String, Double> counts = country == null ? null : byCountry.get(country);
        if (counts == null) {
            return global.stream()
                    .filter(item -> !exclude.contains(item.itemId()))
                    .limit(n)
                    .toList();
        }
        double denominator = countryTotals.get(country) + shrinkage;
        Map<String, Double> scores = new HashMap<>();
        // an item unsold in the country still ranks by its global share; only the top of that list can compete
        for (ScoredItem item : global.subList(0, Math.min(global.size(), n + exclude.size()))) {
            if (!exclude.contains(item.itemId())) {
                scores.put(item.itemId(), shrinkage * item.score() / denominator);
            }
        }
        counts.forEach((item, weight) -> {
            if (!exclude.contains(item)) {
                scores.put(item, (weight + shrinkage * globalShare.getOrDefault(item, 0.0)) / denominator);
            }
        });
        return ItemCfModel.top(scores, n);
    }

    public int countryCount() {
        return byCountry.size();
    }
}

package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The offline check stored with each model version: for every user with at least two products, the
 * product of their latest signal is held out, the models are trained on the rest, and the held-out
 * product is looked for in the user's top 10. With one relevant item, nDCG is 1 / log2(rank + 1).
 */
final class LeaveLastOut {

    static final int K = 10;

    /** One model as the check sees it: a user's weighted history and recent sequence in, top-n out. */
    @FunctionalInterface
    interface Recommender {
        List<ScoredItem> recommend(Map<String, Double> history, List<String> recent, Set<String> exclude, int n);
    }

    private LeaveLastOut() {}

    /** Item-CF and popularity only. */
    static Map<String, Object> evaluate(List<Signal> signals, int neighbours) {
        return evaluate(signals, train -> {
            ItemCfModel itemCf = ItemCfModel.train(train, neighbours);
            PopularityModel popularity = PopularityModel.train(train, Map.of());
            Map<String, Recommender> models = new LinkedHashMap<>();
            models.put("item_cf", (history, recent, exclude, n) -> itemCf.recommend(history, exclude, n));
            models.put("popularity", (history, recent, exclude, n) -> popularity.top(exclude, n));
            return models;
        });
    }

    /**
     * @param signals oldest first
     * @param trainer trains the models on the signals left after holding out, by name
     * @return holdout_users and, per model, NAME_hr_at_10 and NAME_ndcg_at_10
     */
    static Map<String, Object> evaluate(
            List<Signal> signals, Function<List<Signal>, Map<String, Recommender>> trainer) {
        Map<String, String> heldOut = new HashMap<>();
        Map<String, Set<String>> itemsOfUser = new HashMap<>();
        for (Signal signal : signals) {
            heldOut.put(signal.userId(), signal.itemId());
            itemsOfUser.computeIfAbsent(signal.userId(), u -> new HashSet<>()).add(signal.itemId());
        }
        heldOut.keySet().removeIf(user -> itemsOfUser.get(user).size() < 2);

        List<Signal> train = new ArrayList<>();
        Map<String, Map<String, Double>> history = new HashMap<>();
        Map<String, List<String>> recent = new HashMap<>();
        for (Signal signal : signals) {
            if (!signal.itemId().equals(heldOut.get(signal.userId()))) {
                train.add(signal);
                history.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                        .merge(signal.itemId(), signal.weight(), Double::sum);
                recent.computeIfAbsent(signal.userId(), u -> new ArrayList<>()).add(signal.itemId());
            }
        }
        Map<String, Recommender> models = trainer.apply(train);

        int users = heldOut.size();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("holdout_users", users);
        models.forEach((name, model) -> {
            double hits = 0, ndcg = 0;
            for (var entry : heldOut.entrySet()) {
                Map<String, Double> seen = history.getOrDefault(entry.getKey(), Map.of());
                int rank = rankOf(
                        entry.getValue(),
                        model.recommend(seen, recent.getOrDefault(entry.getKey(), List.of()), seen.keySet(), K));
                hits += rank > 0 ? 1 : 0;
                ndcg += gain(rank);
            }
            metrics.put(name + "_hr_at_10", users == 0 ? 0.0 : hits / users);
            metrics.put(name + "_ndcg_at_10", users == 0 ? 0.0 : ndcg / users);
        });
        return metrics;
    }

    /** 1-based rank of the item in the list, or 0 when it is not there. */
    private static int rankOf(String item, List<ScoredItem> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).itemId().equals(item)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static double gain(int rank) {
        return rank == 0 ? 0.0 : 1.0 / (Math.log(rank + 1) / Math.log(2));
    }
}

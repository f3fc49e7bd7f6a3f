package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline check stored with each model version: for every user with at least two products, the
 * product of their latest signal is held out, the models are trained on the rest, and the held-out
 * product is looked for in the user's top 10. With one relevant item, nDCG is 1 / log2(rank + 1).
 */
final class LeaveLastOut {

    static final int K = 10;

    private LeaveLastOut() {}

    /** @param signals oldest first */
    static Map<String, Object> evaluate(List<Signal> signals, int neighbours) {
        Map<String, String> heldOut = new HashMap<>();
        Map<String, Set<String>> itemsOfUser = new HashMap<>();
        for (Signal signal : signals) {
            heldOut.put(signal.userId(), signal.itemId());
            itemsOfUser.computeIfAbsent(signal.userId(), u -> new HashSet<>()).add(signal.itemId());
        }
        heldOut.keySet().removeIf(user -> itemsOfUser.get(user).size() < 2);

        List<Signal> train = new ArrayList<>();
        Map<String, Map<String, Double>> history = new HashMap<>();
        for (Signal signal : signals) {
            if (!signal.itemId().equals(heldOut.get(signal.userId()))) {
                train.add(signal);
                history.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                        .merge(signal.itemId(), signal.weight(), Double::sum);
            }
        }
        ItemCfModel itemCf = ItemCfModel.train(train, neighbours);
        PopularityModel popularity = PopularityModel.train(train, Map.of());

        double cfHits = 0, cfNdcg = 0, popHits = 0, popNdcg = 0;
        for (var entry : heldOut.entrySet()) {
            Map<String, Double> seen = history.getOrDefault(entry.getKey(), Map.of());
            int cfRank = rankOf(entry.getValue(), itemCf.recommend(seen, seen.keySet(), K));
            int popRank = rankOf(entry.getValue(), popularity.top(seen.keySet(), K));
            cfHits += cfRank > 0 ? 1 : 0;
            cfNdcg += gain(cfRank);
            popHits += popRank > 0 ? 1 : 0;
            popNdcg += gain(popRank);
        }
        int users = heldOut.size();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("holdout_users", users);
        metrics.put("item_cf_hr_at_10", users == 0 ? 0.0 : cfHits / users);
        metrics.put("item_cf_ndcg_at_10", users == 0 ? 0.0 : cfNdcg / users);
        metrics.put("popularity_hr_at_10", users == 0 ? 0.0 : popHits / users);
        metrics.put("popularity_ndcg_at_10", users == 0 ? 0.0 : popNdcg / users);
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

package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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
        Split split = Split.of(signals);
        return split.score(trainer.apply(split.train()), split.heldOut().keySet());
    }

    /**
     * The hold-out of a candidate, and the same hold-out restricted to some users scored for the candidate and for
     * a baseline alike, so the two are compared on the same held-out products.
     *
     * @param metrics what {@link #evaluate} reports for the candidate
     * @param candidate the candidate's metrics on the compared users only
     * @param baseline the baseline's metrics on the compared users
     */
    record Comparison(Map<String, Object> metrics, Map<String, Object> candidate, Map<String, Object> baseline) {}

    /**
     * Evaluates the candidate as {@link #evaluate} does, and scores the baseline (already trained: it is not
     * retrained on the split) on the held-out products of the users {@code compared} admits, beside the candidate
     * on the same users.
     *
     * @param compared whether a user's held-out product (their latest) may be scored for the baseline: it must
     *     be one the baseline never saw, or the comparison favours it
     */
    static Comparison compare(
            List<Signal> signals,
            Function<List<Signal>, Map<String, Recommender>> trainer,
            Map<String, Recommender> baseline,
            Predicate<String> compared) {
        Split split = Split.of(signals);
        Map<String, Recommender> candidate = trainer.apply(split.train());
        Set<String> users = new HashSet<>();
        split.heldOut().keySet().stream().filter(compared).forEach(users::add);
        return new Comparison(
                split.score(candidate, split.heldOut().keySet()),
                split.score(candidate, users),
                split.score(baseline, users));
    }

    /**
     * Each user's latest product held out (users with one product only are not evaluated), and the rest: the
     * signals to train on, and each user's weighted history and sequence to recommend from.
     */
    private record Split(
            Map<String, String> heldOut,
            List<Signal> train,
            Map<String, Map<String, Double>> history,
            Map<String, List<String>> recent) {

        static Split of(List<Signal> signals) {
            Map<String, String> heldOut = new HashMap<>();
            Map<String, Set<String>> itemsOfUser = new HashMap<>();
            for (Signal signal : signals) {
                heldOut.put(signal.userId(), signal.itemId());
                itemsOfUser
                        .computeIfAbsent(signal.userId(), u -> new HashSet<>())
                        .add(signal.itemId());
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
                    recent.computeIfAbsent(signal.userId(), u -> new ArrayList<>())
                            .add(signal.itemId());
                }
            }
            return new Split(heldOut, train, history, recent);
        }

        Map<String, Object> score(Map<String, Recommender> models, Set<String> users) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("holdout_users", users.size());
            models.forEach((name, model) -> {
                double hits = 0, ndcg = 0;
                for (String user : users) {
                    Map<String, Double> seen = history.getOrDefault(user, Map.of());
                    int rank = rankOf(
                            heldOut.get(user),
                            model.recommend(seen, recent.getOrDefault(user, List.of()), seen.keySet(), K));
                    hits += rank > 0 ? 1 : 0;
                    ndcg += gain(rank);
                }
                metrics.put(name + "_hr_at_10", users.isEmpty() ? 0.0 : hits / users.size());
                metrics.put(name + "_ndcg_at_10", users.isEmpty() ? 0.0 : ndcg / users.size());
            });
            return metrics;
        }
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

package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.ItemCfModel;
import com.agentfactory.recommendation.model.PopularityModel;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.Signal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code eval} command: trains each model on a train file, recommends top-k for every test user
 * (never an item the user already has in train) and prints the metrics, the JSON summary on the last line.
 *
 * <p>Usage: {@code eval --train FILE --test FILE [--format csv|movielens] [--k 10] [--weights binary|rating]
 * [--neighbours 200]}
 */
public final class EvaluationMain {

    private EvaluationMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (!options.containsKey("train") || !options.containsKey("test")) {
            System.err.println("usage: eval --train FILE --test FILE [--format csv|movielens] [--k 10]"
                    + " [--weights binary|rating] [--neighbours 200]");
            System.exit(2);
        }
        InteractionFile.Format format = InteractionFile.Format.valueOf(
                options.getOrDefault("format", "csv").toUpperCase(java.util.Locale.ROOT));
        var train = InteractionFile.read(Path.of(options.get("train")), format);
        var test = InteractionFile.read(Path.of(options.get("test")), format);
        int k = Integer.parseInt(options.getOrDefault("k", "10"));
        boolean useRatings = "rating".equals(options.getOrDefault("weights", "binary"));
        int neighbours = Integer.parseInt(options.getOrDefault("neighbours", "200"));

        Map<String, Object> summary = evaluate(train, test, k, useRatings, neighbours);
        System.out.println(JsonMapper.builder().build().writeValueAsString(summary));
    }

    static Map<String, Object> evaluate(
            List<InteractionFile.Row> train,
            List<InteractionFile.Row> test,
            int k,
            boolean useRatings,
            int neighbours) {
        List<Signal> signals = train.stream()
                .map(row -> new Signal(row.userId(), row.itemId(), useRatings ? row.rating() : 1.0))
                .toList();
        Map<String, Set<String>> seen = new HashMap<>();
        Map<String, Map<String, Double>> history = new HashMap<>();
        signals.forEach(signal -> {
            seen.computeIfAbsent(signal.userId(), u -> new HashSet<>()).add(signal.itemId());
            history.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                    .merge(signal.itemId(), signal.weight(), Double::sum);
        });
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        test.forEach(row -> {
            if (!seen.getOrDefault(row.userId(), Set.of()).contains(row.itemId())) {
                relevant.computeIfAbsent(row.userId(), u -> new HashSet<>()).add(row.itemId());
            }
        });
        Set<String> catalog = new HashSet<>();
        train.forEach(row -> catalog.add(row.itemId()));
        BinaryCosine similarity = BinaryCosine.of(seen);

        PopularityModel popularity = PopularityModel.train(signals, Map.of());
        ItemCfModel itemCf = ItemCfModel.train(signals, neighbours);

        Map<String, Object> models = new LinkedHashMap<>();
        models.put(
                "popularity",
                score(relevant, k, catalog.size(), similarity, (user, exclude) -> popularity.top(exclude, k)));
        models.put(
                "item_cf",
                score(
                        relevant,
                        k,
                        catalog.size(),
                        similarity,
                        (user, exclude) -> itemCf.recommend(history.getOrDefault(user, Map.of()), exclude, k)));
        models.forEach((name, metrics) -> System.out.println(name + " " + metrics));

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("k", k);
        summary.put("train_interactions", train.size());
        summary.put("test_users", relevant.size());
        summary.put("catalog_items", catalog.size());
        summary.put("models", models);
        return summary;
    }

    private static Map<String, Double> score(
            Map<String, Set<String>> relevant,
            int k,
            int catalogSize,
            BinaryCosine similarity,
            BiFunction<String, Set<String>, List<ScoredItem>> recommender) {
        double hitRate = 0, precision = 0, recall = 0, ndcg = 0, map = 0, diversity = 0;
        List<List<String>> lists = new ArrayList<>();
        Map<String, Set<String>> exclusions = similarity.itemsByUser();
        for (var entry : relevant.entrySet()) {
            List<String> list =
                    recommender.apply(entry.getKey(), exclusions.getOrDefault(entry.getKey(), Set.of())).stream()
                            .map(ScoredItem::itemId)
                            .toList();
            Set<String> wanted = entry.getValue();
            lists.add(list);
            hitRate += RankingMetrics.hitRate(list, wanted, k);
            precision += RankingMetrics.precision(list, wanted, k);
            recall += RankingMetrics.recall(list, wanted, k);
            ndcg += RankingMetrics.ndcg(list, wanted, k);
            map += RankingMetrics.averagePrecision(list, wanted, k);
            diversity += RankingMetrics.intraListDiversity(list, similarity::similarity);
        }
        int users = Math.max(1, relevant.size());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("hr_at_k", round(hitRate / users));
        metrics.put("precision_at_k", round(precision / users));
        metrics.put("recall_at_k", round(recall / users));
        metrics.put("ndcg_at_k", round(ndcg / users));
        metrics.put("map", round(map / users));
        metrics.put("catalog_coverage", round(RankingMetrics.catalogCoverage(lists, catalogSize)));
        metrics.put("intra_list_diversity", round(diversity / users));
        return metrics;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}

package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.AlsModel;
import com.agentfactory.recommendation.model.BiasedMfModel;
import com.agentfactory.recommendation.model.EaseModel;
import com.agentfactory.recommendation.model.Ensemble;
import com.agentfactory.recommendation.model.ItemCfModel;
import com.agentfactory.recommendation.model.PopularityModel;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.SessionModel;
import com.agentfactory.recommendation.model.Signal;
import com.agentfactory.recommendation.model.UserCfModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code eval} command: trains each model on a train file, recommends top-k for every test user
 * (never an item the user already has in train) and prints the metrics, the JSON summary on the last line.
 * With {@code --task rating} it instead fits the rating model on the train ratings and prints the RMSE and
 * MAE of its predictions of the test ratings.
 *
 * <p>The train/test pair comes either from two files, or from one {@code --data} file split per user at
 * random ({@code --split 0.75 --seed 42}, stratified: each user keeps that share in train) or in time
 * ({@code --split-date 2011-08-01}: train before that day, test the month from it).
 *
 * <p>Usage: {@code eval (--train FILE --test FILE | --data FILE (--split 0.75 [--seed 42] | --split-date DAY))
 * [--ratings FILE] [--format csv|movielens|retail] [--task ranking|rating] [--k 10] [--weights binary|rating] [--neighbours 200]
 * [--user-neighbours 50] [--ease-lambda 500] [--factors 100] [--epochs 60] [--learning-rate 0.007]
 * [--regularisation 0.06] [--als-factors 64] [--als-iterations 15] [--als-regularisation 30] [--als-alpha 2]}
 */
public final class EvaluationMain {

    private static final String USAGE = "usage: eval (--train FILE --test FILE | --data FILE (--split 0.75 [--seed 42]"
            + " | --split-date 2011-08-01)) [--ratings FILE] [--format csv|movielens|retail] [--task ranking|rating] [--k 10]"
            + " [--weights binary|rating] [--neighbours 200] [--user-neighbours 50] [--ease-lambda 500]"
            + " [--factors 100] [--epochs 60] [--learning-rate 0.007] [--regularisation 0.06]"
            + " [--als-factors 64] [--als-iterations 15] [--als-regularisation 30] [--als-alpha 2]";

    /** Model settings of one run. */
    record Settings(
            int k,
            boolean useRatings,
            int neighbours,
            int userNeighbours,
            double easeLambda,
            BiasedMfModel.Settings mf,
            AlsModel.Settings als) {

        static Settings defaults(int k, boolean useRatings, int neighbours) {
            return new Settings(
                    k, useRatings, neighbours, 50, 500, BiasedMfModel.Settings.DEFAULTS, AlsModel.Settings.DEFAULTS);
        }
    }

    private EvaluationMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        boolean pair = options.containsKey("train") && options.containsKey("test");
        boolean single =
                options.containsKey("data") && (options.containsKey("split") || options.containsKey("split-date"));
        if (!pair && !single) {
            System.err.println(USAGE);
            System.exit(2);
        }
        InteractionFile.Format format = InteractionFile.Format.valueOf(
                options.getOrDefault("format", "csv").toUpperCase(Locale.ROOT));
        List<InteractionFile.Row> train;
        List<InteractionFile.Row> test;
        if (pair) {
            train = InteractionFile.read(Path.of(options.get("train")), format);
            test = InteractionFile.read(Path.of(options.get("test")), format);
        } else {
            var rows = InteractionFile.read(Path.of(options.get("data")), format);
            var split = options.containsKey("split")
                    ? stratifiedSplit(
                            rows,
                            Double.parseDouble(options.get("split")),
                            Long.parseLong(options.getOrDefault("seed", "42")))
                    : timeSplit(rows, LocalDate.parse(options.get("split-date")));
            train = split.get(0);
            test = split.get(1);
        }
        if (options.containsKey("ratings")) {
            var ratings = withRatingsOf(InteractionFile.read(Path.of(options.get("ratings")), format));
            train = ratings.apply(train);
            test = ratings.apply(test);
        }
        BiasedMfModel.Settings mfDefaults = BiasedMfModel.Settings.DEFAULTS;
        BiasedMfModel.Settings mf = new BiasedMfModel.Settings(
                Integer.parseInt(options.getOrDefault("factors", String.valueOf(mfDefaults.factors()))),
                Integer.parseInt(options.getOrDefault("epochs", String.valueOf(mfDefaults.epochs()))),
                Double.parseDouble(options.getOrDefault("learning-rate", String.valueOf(mfDefaults.learningRate()))),
                Double.parseDouble(options.getOrDefault("regularisation", String.valueOf(mfDefaults.regularisation()))),
                mfDefaults.biasRegularisation(),
                mfDefaults.initScale(),
                mfDefaults.seed());
        AlsModel.Settings alsDefaults = AlsModel.Settings.DEFAULTS;
        AlsModel.Settings als = new AlsModel.Settings(
                Integer.parseInt(options.getOrDefault("als-factors", String.valueOf(alsDefaults.factors()))),
                Integer.parseInt(options.getOrDefault("als-iterations", String.valueOf(alsDefaults.iterations()))),
                Double.parseDouble(
                        options.getOrDefault("als-regularisation", String.valueOf(alsDefaults.regularisation()))),
                Double.parseDouble(options.getOrDefault("als-alpha", String.valueOf(alsDefaults.alpha()))),
                alsDefaults.seed());
        Settings settings = new Settings(
                Integer.parseInt(options.getOrDefault("k", "10")),
                "rating".equals(options.getOrDefault("weights", "binary")),
                Integer.parseInt(options.getOrDefault("neighbours", "200")),
                Integer.parseInt(options.getOrDefault("user-neighbours", "50")),
                Double.parseDouble(options.getOrDefault("ease-lambda", "500")),
                mf,
                als);

        Map<String, Object> summary = "rating".equals(options.getOrDefault("task", "ranking"))
                ? evaluateRatings(train, test, mf)
                : evaluate(train, test, settings);
        System.out.println(JsonMapper.builder().build().writeValueAsString(summary));
    }

    static Map<String, Object> evaluate(
            List<InteractionFile.Row> train,
            List<InteractionFile.Row> test,
            int k,
            boolean useRatings,
            int neighbours) {
        return evaluate(train, test, Settings.defaults(k, useRatings, neighbours));
    }

    static Map<String, Object> evaluate(
            List<InteractionFile.Row> train, List<InteractionFile.Row> test, Settings settings) {
        int k = settings.k();
        List<InteractionFile.Row> oldestFirst = new ArrayList<>(train);
        oldestFirst.sort(Comparator.comparingLong(InteractionFile.Row::timestamp));
        List<Signal> sequence = oldestFirst.stream()
                .map(row -> new Signal(row.userId(), row.itemId(), settings.useRatings() ? row.rating() : 1.0))
                .toList();
        // binary weights mean "used or not": a product bought on five invoices counts once, except in sequences
        Set<String> pairs = new HashSet<>();
        List<Signal> signals = settings.useRatings()
                ? sequence
                : sequence.stream()
                        .filter(signal -> pairs.add(signal.userId() + "\t" + signal.itemId()))
                        .toList();
        Map<String, Set<String>> seen = new HashMap<>();
        Map<String, Map<String, Double>> history = new HashMap<>();
        Map<String, Map<String, Double>> ratings = new HashMap<>();
        Map<String, List<String>> recent = new HashMap<>();
        oldestFirst.forEach(row ->
                ratings.computeIfAbsent(row.userId(), u -> new HashMap<>()).put(row.itemId(), row.rating()));
        signals.forEach(signal -> {
            seen.computeIfAbsent(signal.userId(), u -> new HashSet<>()).add(signal.itemId());
            history.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                    .merge(signal.itemId(), signal.weight(), Double::sum);
        });
        sequence.forEach(signal ->
                recent.computeIfAbsent(signal.userId(), u -> new ArrayList<>()).add(signal.itemId()));
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
        ItemCfModel itemCf = ItemCfModel.train(signals, settings.neighbours());
        UserCfModel userCf = UserCfModel.train(signals, settings.userNeighbours());
        EaseModel ease = EaseModel.train(signals, settings.easeLambda(), 20_000);
        long alsStart = System.nanoTime();
        AlsModel alsModel = AlsModel.train(signals, settings.als());
        System.out.printf(
                Locale.ROOT, "als trained in %.1f s (%s)%n", (System.nanoTime() - alsStart) / 1e9, settings.als());
        SessionModel session = SessionModel.train(sequence, 3, settings.neighbours());
        List<Signal> rated = oldestFirst.stream()
                .map(row -> new Signal(row.userId(), row.itemId(), row.rating()))
                .toList();
        BiasedMfModel ratingsMf = BiasedMfModel.train(rated, settings.mf());

        Map<String, BiFunction<String, Set<String>, List<ScoredItem>>> recommenders = new LinkedHashMap<>();
        recommenders.put("popularity", (user, exclude) -> popularity.top(exclude, k));
        recommenders.put(
                "item_cf", (user, exclude) -> itemCf.recommend(history.getOrDefault(user, Map.of()), exclude, k));
        recommenders.put(
                "user_cf", (user, exclude) -> userCf.recommend(history.getOrDefault(user, Map.of()), exclude, k));
        recommenders.put("ease", (user, exclude) -> ease.recommend(history.getOrDefault(user, Map.of()), exclude, k));
        recommenders.put(
                "als", (user, exclude) -> alsModel.recommend(history.getOrDefault(user, Map.of()), exclude, k));
        recommenders.put(
                "ratings_mf", (user, exclude) -> ratingsMf.recommend(ratings.getOrDefault(user, Map.of()), exclude, k));
        recommenders.put("session", (user, exclude) -> session.next(recent.getOrDefault(user, List.of()), exclude, k));
        // no product texts in interaction files: the ensemble blends the collaborative and popularity sources
        recommenders.put(
                "ensemble",
                (user, exclude) -> Ensemble.blend(
                        Map.of(
                                Ensemble.COLLABORATIVE,
                                ease.recommend(history.getOrDefault(user, Map.of()), exclude, 5 * k),
                                Ensemble.POPULARITY,
                                popularity.top(exclude, 5 * k)),
                        Ensemble.DEFAULT_WEIGHTS,
                        k));

        Map<String, Object> models = new LinkedHashMap<>();
        recommenders.forEach((name, recommender) -> {
            Map<String, Double> metrics = score(relevant, k, catalog.size(), similarity, recommender);
            System.out.println(name + " " + metrics);
            models.put(name, metrics);
        });

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("k", k);
        summary.put("train_interactions", train.size());
        summary.put("test_users", relevant.size());
        summary.put("catalog_items", catalog.size());
        summary.put("models", models);
        return summary;
    }

    /**
     * Replaces each row's rating by the one the reference file gives the same user and item: some copies of
     * the MovieLens u1..u5 splits carry rescaled ratings, while u.data keeps the original 1-5 stars.
     */
    static java.util.function.UnaryOperator<List<InteractionFile.Row>> withRatingsOf(
            List<InteractionFile.Row> reference) {
        Map<String, Double> ratings = new HashMap<>();
        reference.forEach(row -> ratings.put(row.userId() + "\t" + row.itemId(), row.rating()));
        return rows -> rows.stream()
                .map(row -> new InteractionFile.Row(
                        row.userId(),
                        row.itemId(),
                        row.timestamp(),
                        ratings.getOrDefault(row.userId() + "\t" + row.itemId(), row.rating())))
                .toList();
    }

    /** RMSE and MAE of the rating model's predictions of every test rating. */
    static Map<String, Object> evaluateRatings(
            List<InteractionFile.Row> train, List<InteractionFile.Row> test, BiasedMfModel.Settings settings) {
        BiasedMfModel model = BiasedMfModel.train(
                train.stream()
                        .map(row -> new Signal(row.userId(), row.itemId(), row.rating()))
                        .toList(),
                settings);
        double squares = 0, absolutes = 0;
        for (InteractionFile.Row row : test) {
            double error = model.predict(row.userId(), row.itemId()) - row.rating();
            squares += error * error;
            absolutes += Math.abs(error);
        }
        int n = Math.max(1, test.size());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("train_ratings", train.size());
        summary.put("test_ratings", test.size());
        summary.put("settings", settings.toString());
        summary.put("rmse", round(Math.sqrt(squares / n)));
        summary.put("mae", round(absolutes / n));
        return summary;
    }

    /** Each user's rows shuffled with a fixed seed, the first {@code share} of them (rounded) to train. */
    static List<List<InteractionFile.Row>> stratifiedSplit(List<InteractionFile.Row> rows, double share, long seed) {
        Map<String, List<InteractionFile.Row>> byUser = new LinkedHashMap<>();
        rows.forEach(row ->
                byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row));
        Random random = new Random(seed);
        List<InteractionFile.Row> train = new ArrayList<>();
        List<InteractionFile.Row> test = new ArrayList<>();
        byUser.values().forEach(userRows -> {
            java.util.Collections.shuffle(userRows, random);
            int cut = (int) Math.round(userRows.size() * share);
            train.addAll(userRows.subList(0, cut));
            test.addAll(userRows.subList(cut, userRows.size()));
        });
        return List.of(train, test);
    }

    /** Train: rows before {@code day}; test: rows of the month starting that day. */
    static List<List<InteractionFile.Row>> timeSplit(List<InteractionFile.Row> rows, LocalDate day) {
        long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long end = day.plusMonths(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        List<InteractionFile.Row> train = new ArrayList<>();
        List<InteractionFile.Row> test = new ArrayList<>();
        rows.forEach(row -> {
            if (row.timestamp() < start) {
                train.add(row);
            } else if (row.timestamp() < end) {
                test.add(row);
            }
        });
        return List.of(train, test);
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

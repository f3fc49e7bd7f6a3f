package com.agentfactory.recommendation.evaluation;

import com.agentfactory.recommendation.model.AlsModel;
import com.agentfactory.recommendation.model.BiasedMfModel;
import com.agentfactory.recommendation.model.BlendLearner;
import com.agentfactory.recommendation.model.Ensemble;
import com.agentfactory.recommendation.model.ScoredItem;
import com.agentfactory.recommendation.model.Signal;
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
 * [--regularisation 0.06] [--als-factors 64] [--als-iterations 15] [--als-regularisation 30] [--als-alpha 2]
 * [--item-neighbours all] [--validation-days 31] [--trend-half-life-days 14] [--country-shrinkage 50]
 * [--history-half-life-days 30] [--new-arrival-days 30] [--new-arrival-half-life-days 14]
 * [--validation-only true [--sweep-new-arrival-days 14,30,60] [--sweep-new-arrival-half-life-days 7,14]
 * [--sweep-ease-lambda 100,500] [--sweep-history-half-life-days 15,30]]}
 *
 * <p>Without {@code --format} the layout is detected from the file's first line. Every run reports two
 * protocols side by side: customers seen in training ("known_customers", scored on items new to them) and
 * all test customers ("all_customers", new ones included), with plain cosine item-kNN and popularity as
 * baselines. The served ensemble's weights are learned on the last {@code --validation-days} of the
 * training period (models trained on what precedes it), then every model is retrained on the whole
 * training period; the test rows are never used for any choice. {@code --validation-only true} reads no test
 * rows at all: it learns the blend on that window for each swept setting of the newly-selling list and of
 * EASE (models trained once), and reports the validation nDCG of each, and of the blend without newly
 * selling, which is how those settings are chosen.
 */
public final class EvaluationMain {

    private static final String USAGE = "usage: eval (--train FILE --test FILE | --data FILE (--split 0.75 [--seed 42]"
            + " | --split-date 2011-08-01)) [--ratings FILE] [--format csv|movielens|retail] [--task ranking|rating] [--k 10]"
            + " [--weights binary|rating] [--neighbours 200] [--user-neighbours 50] [--ease-lambda 500]"
            + " [--factors 100] [--epochs 60] [--learning-rate 0.007] [--regularisation 0.06]"
            + " [--als-factors 64] [--als-iterations 15] [--als-regularisation 30] [--als-alpha 2]"
            + " [--item-neighbours all] [--validation-days 31] [--trend-half-life-days 14] [--country-shrinkage 50]"
            + " [--history-half-life-days 30] [--new-arrival-days 30] [--new-arrival-half-life-days 14]"
            + " [--validation-only true [--sweep-new-arrival-days 14,30,60] [--sweep-new-arrival-half-life-days 7,14]"
            + " [--sweep-ease-lambda 100,500] [--sweep-history-half-life-days 15,30]]";

    static final String ITEM_CF = "item_cf";
    static final String USER_CF = "user_cf";
    static final String EASE = "ease";
    static final String ALS = "als";
    static final String SESSION = "session";
    static final String CONTENT = "content";
    static final String RATINGS_MF = "ratings_mf";
    static final String TRENDING = "trending";
    /** Item-CF and EASE over the user's history weighted by recency, as the service weighs it. */
    static final String ITEM_CF_RECENT = "item_cf_recent";

    static final String EASE_RECENT = "ease_recent";
    /** EASE trained on signals decayed by age, over the recency-weighted history: the service's way. */
    static final String EASE_DECAYED = "ease_decayed";

    /** Trending among the items first sold lately. */
    static final String NEWLY_SELLING = com.agentfactory.recommendation.model.CandidateSources.NEWLY_SELLING;

    static final String POPULARITY = "popularity";
    /** How many candidates each source proposes to the ensemble. */
    static final int POOL = 100;

    /**
     * Model settings of one run.
     *
     * @param validationDays the end of the training period the blend weights are learned on
     * @param trendHalfLifeDays the half-life of a purchase's weight in trending popularity
     * @param countryShrinkage how many signals of global demand smooth each country's trending list
     * @param historyHalfLifeDays the half-life of a purchase's weight in the recency-weighted history
     * @param itemNeighbours how many neighbours item-CF keeps per item (all by default)
     * @param newArrivalDays how lately an item must have first sold to count as a new arrival
     * @param newArrivalHalfLifeDays the half-life of a purchase's weight in the new arrivals' trending list
     */
    record Settings(
            int k,
            boolean useRatings,
            int neighbours,
            int userNeighbours,
            double easeLambda,
            BiasedMfModel.Settings mf,
            AlsModel.Settings als,
            int validationDays,
            double trendHalfLifeDays,
            double countryShrinkage,
            double historyHalfLifeDays,
            int itemNeighbours,
            double newArrivalDays,
            double newArrivalHalfLifeDays) {

        static Settings defaults(int k, boolean useRatings, int neighbours) {
            return new Settings(
                    k,
                    useRatings,
                    neighbours,
                    50,
                    500,
                    BiasedMfModel.Settings.DEFAULTS,
                    AlsModel.Settings.DEFAULTS,
                    31,
                    14,
                    50,
                    30,
                    Integer.MAX_VALUE,
                    30,
                    14);
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
        // without --format the layout is told by each file's first line
        InteractionFile.Format format = options.containsKey("format")
                ? InteractionFile.Format.valueOf(options.get("format").toUpperCase(Locale.ROOT))
                : null;
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
                als,
                Integer.parseInt(options.getOrDefault("validation-days", "31")),
                Double.parseDouble(options.getOrDefault("trend-half-life-days", "14")),
                Double.parseDouble(options.getOrDefault("country-shrinkage", "50")),
                Double.parseDouble(options.getOrDefault("history-half-life-days", "30")),
                "all".equals(options.getOrDefault("item-neighbours", "all"))
                        ? Integer.MAX_VALUE
                        : Integer.parseInt(options.get("item-neighbours")),
                Double.parseDouble(options.getOrDefault("new-arrival-days", "30")),
                Double.parseDouble(options.getOrDefault("new-arrival-half-life-days", "14")));
        if ("true".equals(options.get("validation-only"))) {
            Map<String, Object> sweep = validationSweep(
                    train,
                    settings,
                    numbers(options.getOrDefault("sweep-new-arrival-days", String.valueOf(settings.newArrivalDays()))),
                    numbers(options.getOrDefault(
                            "sweep-new-arrival-half-life-days", String.valueOf(settings.newArrivalHalfLifeDays()))),
                    numbers(options.getOrDefault("sweep-ease-lambda", String.valueOf(settings.easeLambda()))),
                    numbers(options.getOrDefault(
                            "sweep-history-half-life-days", String.valueOf(settings.historyHalfLifeDays()))));
            System.out.println(JsonMapper.builder().build().writeValueAsString(sweep));
            return;
        }

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

        // the blend weights are learned on the end of the training period, never on the test rows
        List<List<InteractionFile.Row>> carved = validationSplit(oldestFirst, settings.validationDays());
        Map<String, Object> validation = new LinkedHashMap<>();
        Map<String, Double> knownWeights = Map.of(EASE, 1.0);
        Map<String, Double> newWeights = Map.of(TRENDING, 1.0);
        if (!carved.get(1).isEmpty() && !carved.get(0).isEmpty()) {
            long learning = System.nanoTime();
            TrainedSet early = TrainedSet.train(carved.get(0), settings);
            Targets targets = Targets.of(early.data(), carved.get(1));
            BlendLearner.Result known = BlendLearner.learn(examples(early, targets, targets.known()), k);
            BlendLearner.Result fresh = BlendLearner.learn(examples(early, targets, targets.fresh()), k);
            if (!known.weights().isEmpty()) {
                knownWeights = known.weights();
            }
            if (!fresh.weights().isEmpty()) {
                newWeights = fresh.weights();
            }
            validation.put("train_interactions", carved.get(0).size());
            validation.put("window_interactions", carved.get(1).size());
            validation.put("known_users", known.users());
            validation.put("new_users", fresh.users());
            validation.put("known_weights", knownWeights);
            validation.put("known_ndcg_at_k", round(known.ndcg()));
            validation.put("known_single_ndcg_at_k", rounded(known.singleNdcg()));
            validation.put("new_weights", newWeights);
            validation.put("new_ndcg_at_k", round(fresh.ndcg()));
            validation.put("new_single_ndcg_at_k", rounded(fresh.singleNdcg()));
            validation.put("seconds", round((System.nanoTime() - learning) / 1e9));
            System.out.println("validation " + validation);
        }

        TrainedSet models = TrainedSet.train(oldestFirst, settings);
        TrainingData data = models.data();
        Targets targets = Targets.of(data, test);
        CosineItemKnn knn = CosineItemKnn.train(data.seen());
        Set<String> catalog = new HashSet<>(data.items());
        BinaryCosine similarity = BinaryCosine.of(data.seen());

        Map<String, BiFunction<String, Set<String>, List<ScoredItem>>> recommenders = new LinkedHashMap<>();
        recommenders.put("popularity", (user, exclude) -> models.popularity().top(exclude, k));
        recommenders.put(
                "cosine_item_knn",
                (user, exclude) -> knn.recommend(data.seen().getOrDefault(user, Set.of()), exclude, k));
        // each user's candidate lists are computed once: a single model's top k is the head of its list
        Map<String, Map<String, List<ScoredItem>>> candidates = new HashMap<>();
        BiFunction<String, Set<String>, Map<String, List<ScoredItem>>> sourcesOf = (user, exclude) ->
                candidates.computeIfAbsent(user, u -> models.sources(u, targets.countryOf(u), exclude, POOL));
        for (String source : models.sourceNames()) {
            if (!source.equals(POPULARITY)) {
                recommenders.put(source, (user, exclude) -> {
                    List<ScoredItem> list = sourcesOf.apply(user, exclude).get(source);
                    return list.subList(0, Math.min(k, list.size()));
                });
            }
        }
        Map<String, Double> servedKnown = knownWeights;
        Map<String, Double> servedNew = newWeights;
        recommenders.put(
                "ensemble",
                (user, exclude) -> Ensemble.blend(
                        sourcesOf.apply(user, exclude), data.isKnown(user) ? servedKnown : servedNew, k));

        Map<String, Object> knownModels = new LinkedHashMap<>();
        Map<String, Object> allModels = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "%-18s %12s %12s%n", "model", "known_ndcg", "all_ndcg");
        recommenders.forEach((name, recommender) -> {
            Map<String, Double> known = score(targets.known(), k, catalog.size(), similarity, recommender);
            Map<String, Double> all = score(targets.all(), k, catalog.size(), similarity, recommender);
            knownModels.put(name, known);
            allModels.put(name, all);
            System.out.printf(Locale.ROOT, "%-18s %12.4f %12.4f%n", name, known.get("ndcg_at_k"), all.get("ndcg_at_k"));
        });

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("k", k);
        summary.put("train_interactions", train.size());
        summary.put("catalog_items", catalog.size());
        summary.put("skipped", models.skipped());
        summary.put("validation", validation);
        summary.put("served_weights", Map.of("known", knownWeights, "new", newWeights));
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("test_users", targets.known().size());
        known.put("models", knownModels);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("test_users", targets.all().size());
        all.put("new_users", targets.fresh().size());
        all.put("models", allModels);
        summary.put("known_customers", known);
        summary.put("all_customers", all);
        return summary;
    }

    /**
     * The validation window only, in two stages on the models trained once on what precedes it: first every
     * pair of new-arrival window and half-life (the blend learned again with that list replaced), then, with
     * the best pair, EASE and its decayed twin retrained at every pair of lambda and history half-life. Each
     * point reports its validation nDCG; "without" is the blend learned without the newly-selling list.
     */
    static Map<String, Object> validationSweep(
            List<InteractionFile.Row> train,
            Settings settings,
            List<Double> arrivalDays,
            List<Double> arrivalHalfLives,
            List<Double> lambdas,
            List<Double> historyHalfLives) {
        int k = settings.k();
        List<InteractionFile.Row> oldestFirst = new ArrayList<>(train);
        oldestFirst.sort(Comparator.comparingLong(InteractionFile.Row::timestamp));
        List<List<InteractionFile.Row>> carved = validationSplit(oldestFirst, settings.validationDays());
        long start = System.nanoTime();
        TrainedSet early = TrainedSet.train(carved.get(0), settings);
        Targets targets = Targets.of(early.data(), carved.get(1));
        Map<String, BlendLearner.Example> known = examplesByUser(early, targets, targets.known());
        Map<String, BlendLearner.Example> fresh = examplesByUser(early, targets, targets.fresh());
        System.out.printf(Locale.ROOT, "validation candidates in %.1f s%n", (System.nanoTime() - start) / 1e9);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("train_interactions", carved.get(0).size());
        results.put("window_interactions", carved.get(1).size());
        Set<String> arrivals = Set.of(NEWLY_SELLING);
        results.put("without", sweepPoint(without(known.values(), arrivals), without(fresh.values(), arrivals), k));
        System.out.println("without " + results.get("without"));
        double bestNdcg = -1;
        TrainedSet best = early;
        for (double days : arrivalDays) {
            for (double halfLife : arrivalHalfLives) {
                TrainedSet variant = early.withNewArrivals(
                        TrainedSet.newArrivals(early.data(), days, halfLife, settings.countryShrinkage()));
                String name = String.format(Locale.ROOT, "new_arrival_days_%s_half_life_%s", days, halfLife);
                Map<String, Object> point = sweepPoint(
                        replaced(known, variant, targets, arrivals), replaced(fresh, variant, targets, arrivals), k);
                results.put(name, point);
                System.out.println(name + " " + point);
                if ((double) point.get("known_ndcg_at_k") > bestNdcg) {
                    bestNdcg = (double) point.get("known_ndcg_at_k");
                    best = variant;
                }
            }
        }
        Set<String> easeSources = Set.of(EASE, EASE_RECENT, EASE_DECAYED, NEWLY_SELLING);
        for (double lambda : lambdas) {
            for (double halfLife : historyHalfLives) {
                long trained = System.nanoTime();
                TrainedSet variant = best.withEase(lambda, halfLife);
                String name = String.format(Locale.ROOT, "ease_lambda_%s_history_half_life_%s", lambda, halfLife);
                Map<String, Object> point = sweepPoint(
                        replaced(known, variant, targets, easeSources),
                        replaced(fresh, variant, targets, easeSources),
                        k);
                point.put("seconds", round((System.nanoTime() - trained) / 1e9));
                results.put(name, point);
                System.out.println(name + " " + point);
            }
        }
        results.put("seconds", round((System.nanoTime() - start) / 1e9));
        return results;
    }

    private static Map<String, Object> sweepPoint(
            List<BlendLearner.Example> known, List<BlendLearner.Example> fresh, int k) {
        BlendLearner.Result knownResult = BlendLearner.learn(known, k);
        BlendLearner.Result freshResult = BlendLearner.learn(fresh, k);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("known_ndcg_at_k", round(knownResult.ndcg()));
        point.put("known_weights", knownResult.weights());
        point.put("known_single_ndcg_at_k", rounded(knownResult.singleNdcg()));
        point.put("new_ndcg_at_k", round(freshResult.ndcg()));
        point.put("new_weights", freshResult.weights());
        return point;
    }

    private static List<BlendLearner.Example> without(
            java.util.Collection<BlendLearner.Example> examples, Set<String> dropped) {
        return examples.stream()
                .map(example -> {
                    Map<String, List<ScoredItem>> kept = new LinkedHashMap<>(example.sources());
                    kept.keySet().removeAll(dropped);
                    return new BlendLearner.Example(kept, example.relevant());
                })
                .toList();
    }

    /** Each user's example with the named sources' lists taken from {@code models}, the other lists kept. */
    private static List<BlendLearner.Example> replaced(
            Map<String, BlendLearner.Example> examples, TrainedSet models, Targets targets, Set<String> names) {
        List<BlendLearner.Example> result = new ArrayList<>();
        examples.forEach((user, example) -> {
            Map<String, List<ScoredItem>> sources = new LinkedHashMap<>(example.sources());
            Set<String> exclude = models.data().seen().getOrDefault(user, Set.of());
            for (String name : names) {
                sources.put(name, models.source(name, user, targets.countryOf(user), exclude, POOL));
            }
            result.add(new BlendLearner.Example(sources, example.relevant()));
        });
        return result;
    }

    private static Map<String, BlendLearner.Example> examplesByUser(
            TrainedSet models, Targets targets, Map<String, Set<String>> relevant) {
        Map<String, BlendLearner.Example> examples = new LinkedHashMap<>();
        relevant.forEach((user, items) -> examples.put(
                user,
                new BlendLearner.Example(
                        models.sources(
                                user,
                                targets.countryOf(user),
                                models.data().seen().getOrDefault(user, Set.of()),
                                POOL),
                        items)));
        return examples;
    }

    /** Validation users of one segment with every source's candidate list and what they bought. */
    private static List<BlendLearner.Example> examples(
            TrainedSet models, Targets targets, Map<String, Set<String>> relevant) {
        List<BlendLearner.Example> examples = new ArrayList<>();
        relevant.forEach((user, items) -> examples.add(new BlendLearner.Example(
                models.sources(
                        user, targets.countryOf(user), models.data().seen().getOrDefault(user, Set.of()), POOL),
                items)));
        return examples;
    }

    /**
     * Train rows before the last {@code days} of the training period, and the rows of those days. When
     * that window holds under 5% or over 50% of the rows (data without a time axis, or a sparse end), the
     * latest 10% of the rows are the window instead.
     */
    static List<List<InteractionFile.Row>> validationSplit(List<InteractionFile.Row> oldestFirst, int days) {
        if (oldestFirst.isEmpty() || days <= 0) {
            return List.of(oldestFirst, List.of());
        }
        long cut = oldestFirst.getLast().timestamp() - days * 86_400L;
        int index = 0;
        while (index < oldestFirst.size() && oldestFirst.get(index).timestamp() < cut) {
            index++;
        }
        double share = 1.0 - (double) index / oldestFirst.size();
        if (share < 0.05 || share > 0.5) {
            index = (int) Math.round(oldestFirst.size() * 0.9);
        }
        return List.of(oldestFirst.subList(0, index), oldestFirst.subList(index, oldestFirst.size()));
    }

    private static Map<String, Double> rounded(Map<String, Double> values) {
        Map<String, Double> rounded = new LinkedHashMap<>();
        values.forEach((key, value) -> rounded.put(key, round(value)));
        return rounded;
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

    private static List<Double> numbers(String list) {
        return java.util.Arrays.stream(list.split(","))
                .map(String::trim)
                .map(Double::parseDouble)
                .toList();
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

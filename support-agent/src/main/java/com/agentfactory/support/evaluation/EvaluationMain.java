package com.agentfactory.support.evaluation;

import com.agentfactory.support.intent.IntentClassifier;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.intent.IntentTrainer;
import com.agentfactory.support.intent.LabelledText;
import com.agentfactory.support.intent.MiniLmTextEmbedder;
import com.agentfactory.support.intent.TextEmbedder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains and evaluates the intent classifier on any CSV with a text and a label column; the JSON summary is the
 * last line printed.
 *
 * <pre>
 * train --data FILE [--data FILE ...] --text-column C --label-column C [--label-map FILE] [--oos-label L]
 *       [--validation FILE | --oos-threshold 0.5] --out MODEL_FILE [--cache FILE] [TRAINER]
 * eval  (--train FILE... --test FILE... | --model MODEL_FILE --test FILE...
 *        | --data FILE [--data FILE ...] [--test-fraction 0.2] [--seed 42])
 *       [--extra-train FILE...] [--language-column C]
 *       --text-column C --label-column C [--label-map FILE] [--oos-label L]
 *       [--validation FILE | --validation-fraction 0.1 | --oos-threshold 0.5] [--cache FILE] [--model-out FILE]
 *       [TRAINER]
 * entities --data FILE   (Bitext-style columns instruction, entity_type, start_offset, end_offset)
 * </pre>
 *
 * TRAINER overrides the classifier's training defaults: {@code [--epochs 30] [--batch-size 32] [--learning-rate 0.01]
 * [--l2 1e-5]}; tune them with {@code eval --data TRAIN --test-fraction F} on the training file, never on the test one.
 *
 * Rows carrying the out-of-scope label are never trained on: the model has to recognise them by low confidence,
 * below the out-of-scope threshold. {@code --validation} tunes that threshold on its own labelled file (which
 * must hold out-of-scope rows) before the test set is touched; the model written keeps the threshold used.
 * {@code eval} reports in-scope accuracy, macro-F1 and top-3 over the in-scope test rows only (a rejected
 * in-scope message counts as wrong), and out-of-scope recall and precision.
 * {@code --model} scores a trained model file (its stored threshold unless {@code --oos-threshold} is given) instead
 * of training one, so it takes none of the flags that train ({@code --train}, {@code --extra-train}, the
 * validation flags, TRAINER). {@code --extra-train} rows are added to the training rows only, after any split, so a split of the
 * {@code --data} files measures the same test rows with and without them. {@code --language-column} names a column of
 * the {@code --test} files, so it needs {@code --train} or {@code --model} (a {@code --data} split tests on rows of
 * {@code --data}); the summary then reports, per language, the share of in-scope messages whose top intent is right
 * and the share whose top intent is right and at or above the out-of-scope threshold (the ones the chat answers
 * rather than hands over).
 * A label map is a two-column CSV (from,to) that renames labels while reading, for example to merge intents.
 *
 * Every flag combination either runs as written or is refused before any file is read: an unknown flag, a
 * single-valued flag given twice ({@code entities} reads one {@code --data} file), more than one source of test rows
 * ({@code --data}, {@code --train}, {@code --model}), a {@code --test} file beside a {@code --data} split (which tests
 * on rows of {@code --data}), a flag the chosen source would not use, a fraction outside (0, 1), and validation rows
 * that could not tune the threshold (without {@code --oos-label}, or beside {@code --oos-threshold}) or that come
 * from both {@code --validation} and {@code --validation-fraction}.
 */
public final class EvaluationMain {

    private static final Set<String> TRAINER = Set.of("epochs", "batch-size", "learning-rate", "l2");
    private static final Set<String> READING = Set.of("text-column", "label-column", "label-map", "oos-label", "cache");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "train", union(TRAINER, READING, Set.of("data", "validation", "oos-threshold", "out")),
            "eval",
                    union(
                            TRAINER,
                            READING,
                            Set.of(
                                    "data",
                                    "train",
                                    "model",
                                    "test",
                                    "test-fraction",
                                    "seed",
                                    "extra-train",
                                    "language-column",
                                    "validation",
                                    "validation-fraction",
                                    "oos-threshold",
                                    "model-out")),
            "entities", Set.of("data"));
    // per command, the flags that name files to read together; any other flag given twice would have its second
    // value ignored (entities reads one --data file)
    private static final Map<String, Set<String>> REPEATABLE = Map.of(
            "train", Set.of("data", "validation"),
            "eval", Set.of("data", "train", "test", "extra-train", "validation"),
            "entities", Set.of());

    private EvaluationMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length == 0) {
            err.println("usage: (train|eval|entities) --option value ...; see the class documentation");
            return 2;
        }
        Map<String, Object> summary;
        try {
            Map<String, List<String>> options = options(args);
            summary = switch (args[0]) {
                case "train" -> {
                    single(options, "out");
                    checkThresholdSource(options);
                    yield train(options, out);
                }
                case "eval" -> {
                    checkEvaluationSource(options);
                    checkThresholdSource(options);
                    yield evaluate(options, out);
                }
                case "entities" -> EntityEvaluation.evaluate(Path.of(single(options, "data")), out);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.println(JsonMapper.builder().build().writeValueAsString(summary));
        return 0;
    }

    private static Map<String, Object> train(Map<String, List<String>> options, PrintStream out) throws IOException {
        IntentTrainer.Options trainer = trainerOptions(options);
        List<LabelledText> rows = new ArrayList<>();
        for (String file : options.getOrDefault("data", List.of())) {
            rows.addAll(read(Path.of(file), options));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--data FILE is required");
        }
        String oos = first(options, "oos-label", null);
        List<LabelledText> inScope =
                rows.stream().filter(r -> !r.label().equals(oos)).toList();
        TextEmbedder embedder = embedder(options);
        long started = System.nanoTime();
        IntentModel trained = new IntentTrainer(trainer, Clock.systemUTC())
                .train(
                        inScope,
                        embedder.embed(inScope.stream().map(LabelledText::text).toList()));
        Threshold threshold = threshold(trained, embedder, options, oos, null);
        IntentModel model = trained.withOosThreshold(threshold.value());
        Path target = Path.of(single(options, "out"));
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        try (OutputStream stream = Files.newOutputStream(target)) {
            model.write(stream);
        }
        out.println("trained " + model.version() + " on " + inScope.size() + " examples, "
                + model.labels().size() + " intents -> " + target);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "train");
        summary.put("model_version", model.version());
        summary.put("examples", inScope.size());
        summary.put("trainer", settings(trainer));
        summary.put("intents", model.labels().size());
        summary.put("oos_threshold", model.oosThreshold());
        summary.put("oos_threshold_from", threshold.source());
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        summary.put("model_file", target.toString());
        summary.put("model_bytes", Files.size(target));
        return summary;
    }

    private static Map<String, Object> evaluate(Map<String, List<String>> options, PrintStream out) throws IOException {
        IntentTrainer.Options trainer = trainerOptions(options);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        List<String> languages = null;
        String split;
        if (options.containsKey("model") || options.containsKey("train")) {
            for (String file : options.getOrDefault("train", List.of())) {
                train.addAll(read(Path.of(file), options));
            }
            for (String file : options.getOrDefault("test", List.of())) {
                test.addAll(read(Path.of(file), options));
            }
            if (test.isEmpty()) {
                throw new IllegalArgumentException("the --test files hold no labelled rows");
            }
            split = options.containsKey("model") ? "stored model " + single(options, "model") : "given";
        } else {
            double fraction = fraction(options, "test-fraction");
            long seed = Long.parseLong(first(options, "seed", "42"));
            List<LabelledText> all = new ArrayList<>();
            for (String file : options.getOrDefault("data", List.of())) {
                all.addAll(read(Path.of(file), options));
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("--data FILE (or --train FILE --test FILE) is required");
            }
            var parts = stratifiedSplit(all, fraction, seed);
            train = parts.get(0);
            test = parts.get(1);
            split = "stratified " + fraction + " seed " + seed;
        }
        if (options.containsKey("language-column")) {
            languages = new ArrayList<>();
            for (String file : options.get("test")) {
                languages.addAll(LabelledCsv.column(
                        Path.of(file),
                        first(options, "text-column", "text"),
                        first(options, "label-column", "label"),
                        single(options, "language-column")));
            }
        }
        for (String file : options.getOrDefault("extra-train", List.of())) {
            // after the split: these rows teach the model without ever landing among the test rows
            train.addAll(read(Path.of(file), options));
        }
        if (options.containsKey("extra-train")) {
            split += ", plus " + options.get("extra-train").size() + " training-only file(s)";
        }
        List<LabelledText> validation = null;
        if (options.containsKey("validation-fraction")) {
            // carved out of the training rows, so the test rows stay unseen until the threshold is fixed
            var parts = stratifiedSplit(
                    train, fraction(options, "validation-fraction"), Long.parseLong(first(options, "seed", "42")));
            train = parts.get(0);
            validation = parts.get(1);
            split += ", validation " + single(options, "validation-fraction") + " of the training rows";
        }
        String oos = first(options, "oos-label", null);
        List<LabelledText> inScope =
                train.stream().filter(r -> !r.label().equals(oos)).toList();
        TextEmbedder embedder = embedder(options);
        long started = System.nanoTime();
        float[][] trainEmbeddings = options.containsKey("model")
                ? new float[0][]
                : embedder.embed(inScope.stream().map(LabelledText::text).toList());
        float[][] testEmbeddings =
                embedder.embed(test.stream().map(LabelledText::text).toList());
        double embedSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        IntentModel model;
        Threshold threshold;
        if (options.containsKey("model")) {
            IntentModel stored;
            try (var stream = Files.newInputStream(Path.of(single(options, "model")))) {
                stored = IntentModel.read(stream);
            }
            threshold = options.containsKey("oos-threshold")
                    ? new Threshold(Double.parseDouble(single(options, "oos-threshold")), "given")
                    : new Threshold(stored.oosThreshold(), "model");
            model = stored.withOosThreshold(threshold.value());
        } else {
            IntentModel trained = new IntentTrainer(trainer, Clock.systemUTC()).train(inScope, trainEmbeddings);
            threshold = threshold(trained, embedder, options, oos, validation);
            model = trained.withOosThreshold(threshold.value());
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        if (options.containsKey("model-out")) {
            try (OutputStream stream = Files.newOutputStream(Path.of(single(options, "model-out")))) {
                model.write(stream);
            }
        }
        IntentClassifier classifier = new IntentClassifier(model, embedder);
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> inScopeGold = new ArrayList<>();
        List<String> inScopePredicted = new ArrayList<>();
        int inScopeTop3 = 0;
        double confidenceSum = 0;
        // per language: messages, top intent right, top intent right and trusted (at or above the threshold)
        Map<String, int[]> byLanguage = new TreeMap<>();
        for (int i = 0; i < test.size(); i++) {
            List<IntentScore> scores = classifier.scores(test.get(i).text(), testEmbeddings[i]);
            IntentScore best = scores.getFirst();
            String label = test.get(i).label();
            String prediction = oos != null && best.confidence() < model.oosThreshold() ? oos : best.intent();
            if (languages != null && !label.equals(oos)) {
                int[] counts = byLanguage.computeIfAbsent(languages.get(i), k -> new int[3]);
                counts[0]++;
                if (best.intent().equals(label)) {
                    counts[1]++;
                    if (best.confidence() >= model.oosThreshold()) {
                        counts[2]++;
                    }
                }
            }
            gold.add(label);
            predicted.add(prediction);
            confidenceSum += best.confidence();
            if (label.equals(oos)) {
                continue;
            }
            // an out-of-scope message has no intent to find among the top three: only in-scope ones count
            inScopeGold.add(label);
            inScopePredicted.add(prediction);
            if (scores.stream().limit(3).anyMatch(s -> s.intent().equals(label))) {
                inScopeTop3++;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "eval");
        summary.put("split", split);
        summary.put("train_examples", inScope.size());
        summary.put("trainer", settings(trainer));
        summary.put("test_examples", test.size());
        summary.put("test_in_scope", inScopeGold.size());
        summary.put("intents", model.labels().size());
        // a rejected in-scope message is wrong here: it would have been handed over instead of answered
        summary.put("in_scope_accuracy", round(ClassificationMetrics.accuracy(inScopeGold, inScopePredicted)));
        summary.put("in_scope_macro_f1", round(ClassificationMetrics.macroF1(inScopeGold, inScopePredicted)));
        summary.put("in_scope_top3_accuracy", round((double) inScopeTop3 / Math.max(1, inScopeGold.size())));
        summary.put("mean_top_confidence", round(confidenceSum / Math.max(1, test.size())));
        if (oos != null) {
            summary.put("oos_label", oos);
            summary.put("test_out_of_scope", test.size() - inScopeGold.size());
            summary.put("oos_threshold", model.oosThreshold());
            summary.put("oos_threshold_from", threshold.source());
            summary.put("oos_recall", round(ClassificationMetrics.recall(gold, predicted, oos)));
            summary.put(
                    "oos_precision",
                    ClassificationMetrics.precision(gold, predicted, oos)
                            .map(EvaluationMain::round)
                            .orElse(null));
            summary.put("overall_accuracy", round(ClassificationMetrics.accuracy(gold, predicted)));
        }
        if (languages != null) {
            // "trusted" is what the chat answers: below the threshold it hands the message over instead
            Map<String, Object> perLanguage = new LinkedHashMap<>();
            byLanguage.forEach((language, counts) -> {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("test_in_scope", counts[0]);
                figures.put("top_intent_accuracy", round((double) counts[1] / counts[0]));
                figures.put("trusted_accuracy", round((double) counts[2] / counts[0]));
                perLanguage.put(language, figures);
            });
            summary.put("threshold_for_trusted", model.oosThreshold());
            summary.put("by_language", perLanguage);
        }
        summary.put("embed_seconds", round(embedSeconds));
        summary.put("train_seconds", round(trainSeconds));
        summary.put("model_version", model.version());
        out.println("evaluated " + test.size() + " messages (" + split + "), out-of-scope threshold "
                + model.oosThreshold() + " (" + threshold.source() + ")");
        return summary;
    }

    private record Threshold(double value, String source) {}

    /**
     * Refuses, before any file is read or any model trained, a combination in which a flag would be ignored: the test
     * rows come from exactly one of a {@code --data} split, {@code --train} with {@code --test}, or {@code --model}
     * with {@code --test}.
     */
    private static void checkEvaluationSource(Map<String, List<String>> options) {
        List<String> sources = Stream.of("data", "train", "model")
                .filter(options::containsKey)
                .map(name -> "--" + name)
                .toList();
        if (sources.size() > 1) {
            throw new IllegalArgumentException("give one of --data FILE, --train FILE --test FILE or --model FILE"
                    + " --test FILE, not " + String.join(" and ", sources));
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(
                    "--data FILE (or --train FILE --test FILE, or --model FILE --test FILE) is required");
        }
        if (options.containsKey("data")) {
            if (options.containsKey("language-column")) {
                // the languages are read from the --test files, so they line up with the test rows only when those
                // rows are the --test files' own, not a split of --data
                throw new IllegalArgumentException("--language-column reads the --test files, but a --data split"
                        + " tests on rows of --data: give --train FILE --test FILE or --model FILE --test FILE");
            }
            if (options.containsKey("test")) {
                throw new IllegalArgumentException("--data is split into training and test rows, so a --test file"
                        + " beside it would not be read: give --train FILE --test FILE to test on a file of your own,"
                        + " or leave out --test");
            }
            fraction(options, "test-fraction");
        } else {
            checkTestFiles(options, sources.getFirst());
        }
        if (options.containsKey("validation-fraction")) {
            fraction(options, "validation-fraction");
        }
    }

    /** The test rows are the --test files' own: given beside --train or --model, which names the source. */
    private static void checkTestFiles(Map<String, List<String>> options, String source) {
        if (!options.containsKey("test")) {
            throw new IllegalArgumentException("--test FILE is required with " + source);
        }
        if (options.containsKey("test-fraction")) {
            throw new IllegalArgumentException(
                    "--test-fraction splits --data: with " + source + " the test rows are the --test files'");
        }
        if (options.containsKey("model")) {
            String training = Stream.concat(
                            Stream.of("extra-train", "validation", "validation-fraction"),
                            TRAINER.stream().sorted())
                    .filter(options::containsKey)
                    .map(name -> "--" + name)
                    .collect(Collectors.joining(", "));
            if (!training.isEmpty()) {
                throw new IllegalArgumentException(
                        "--model evaluates a trained model, so it trains nothing: leave out " + training);
            }
        }
        if (options.containsKey("seed") && !options.containsKey("validation-fraction")) {
            throw new IllegalArgumentException(
                    "--seed draws a --data split or a --validation-fraction, and there is neither: leave it out");
        }
    }

    /**
     * Refuses, before any file is read or any model trained, validation rows that could not tune the out-of-scope
     * threshold: tuning needs out-of-scope rows to tell apart, and it sets the threshold an {@code --oos-threshold}
     * would. The rows come from one place, a {@code --validation} file or a {@code --validation-fraction}.
     */
    private static void checkThresholdSource(Map<String, List<String>> options) {
        if (options.containsKey("validation") && options.containsKey("validation-fraction")) {
            // together they would tune on the files and the carved-out rows at once: neither figure alone is what
            // the command line seems to ask for
            throw new IllegalArgumentException("give either --validation FILE or --validation-fraction F, not both:"
                    + " the threshold is tuned on one set of validation rows");
        }
        String flag = Stream.of("validation", "validation-fraction")
                .filter(options::containsKey)
                .map(name -> "--" + name)
                .findFirst()
                .orElse(null);
        if (flag == null) {
            return;
        }
        if (!options.containsKey("oos-label")) {
            throw new IllegalArgumentException(flag + " tunes the out-of-scope threshold: it needs --oos-label");
        }
        if (options.containsKey("oos-threshold")) {
            throw new IllegalArgumentException("give either " + flag + " or --oos-threshold, not both");
        }
    }

    /** A fraction of rows to hold out: above 0, below 1. */
    private static double fraction(Map<String, List<String>> options, String name) {
        String given = first(options, name, "0.2");
        try {
            double fraction = Double.parseDouble(given);
            if (fraction > 0 && fraction < 1) {
                return fraction;
            }
        } catch (NumberFormatException e) {
            // refused below with the flag's name
        }
        throw new IllegalArgumentException("--" + name + " takes a fraction above 0 and below 1, not " + given);
    }

    /**
     * The out-of-scope threshold: tuned on {@code --validation} files or the carved-out rows when given (never on
     * the test data), else {@code --oos-threshold}, else the default.
     *
     * @param carved validation rows taken from the training data, null when none were
     */
    private static Threshold threshold(
            IntentModel model,
            TextEmbedder embedder,
            Map<String, List<String>> options,
            String oos,
            List<LabelledText> carved)
            throws IOException {
        if (!options.containsKey("validation") && carved == null) {
            double given = Double.parseDouble(
                    first(options, "oos-threshold", String.valueOf(IntentModel.DEFAULT_OOS_THRESHOLD)));
            return new Threshold(given, options.containsKey("oos-threshold") ? "given" : "default");
        }
        List<LabelledText> validation = new ArrayList<>(carved == null ? List.of() : carved);
        for (String file : options.getOrDefault("validation", List.of())) {
            validation.addAll(read(Path.of(file), options));
        }
        float[][] embeddings =
                embedder.embed(validation.stream().map(LabelledText::text).toList());
        IntentClassifier classifier = new IntentClassifier(model, embedder);
        List<OosThresholdTuner.Scored> scored = new ArrayList<>(validation.size());
        for (int i = 0; i < validation.size(); i++) {
            IntentScore best =
                    classifier.scores(validation.get(i).text(), embeddings[i]).getFirst();
            String label = validation.get(i).label();
            scored.add(new OosThresholdTuner.Scored(
                    label.equals(oos), best.intent().equals(label), best.confidence()));
        }
        return new Threshold(OosThresholdTuner.tune(scored), "validation");
    }

    static List<List<LabelledText>> stratifiedSplit(List<LabelledText> rows, double testFraction, long seed) {
        Map<String, List<LabelledText>> byLabel = new TreeMap<>();
        rows.forEach(
                r -> byLabel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
        Random random = new Random(seed);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (List<LabelledText> group : byLabel.values()) {
            List<LabelledText> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            int testCount = (int) Math.round(group.size() * testFraction);
            test.addAll(shuffled.subList(0, testCount));
            train.addAll(shuffled.subList(testCount, shuffled.size()));
        }
        return List.of(train, test);
    }

    private static List<LabelledText> read(Path file, Map<String, List<String>> options) throws IOException {
        Map<String, String> labelMap = new HashMap<>();
        if (options.containsKey("label-map")) {
            for (LabelledText row : LabelledCsv.read(Path.of(single(options, "label-map")), "from", "to", Map.of())) {
                labelMap.put(row.text(), row.label());
            }
        }
        return LabelledCsv.read(
                file, first(options, "text-column", "text"), first(options, "label-column", "label"), labelMap);
    }

    /** The trainer's defaults, each overridable by a flag (for tuning on a validation split before a test run). */
    private static IntentTrainer.Options trainerOptions(Map<String, List<String>> options) {
        IntentTrainer.Options defaults = IntentTrainer.Options.defaults();
        try {
            IntentTrainer.Options chosen = new IntentTrainer.Options(
                    Integer.parseInt(first(options, "epochs", Integer.toString(defaults.epochs()))),
                    Integer.parseInt(first(options, "batch-size", Integer.toString(defaults.batchSize()))),
                    Double.parseDouble(first(options, "learning-rate", Double.toString(defaults.learningRate()))),
                    Double.parseDouble(first(options, "l2", Double.toString(defaults.l2()))),
                    defaults.minDocumentFrequency(),
                    defaults.maxFeatures(),
                    defaults.domainQuantile(),
                    defaults.domainScale(),
                    defaults.seed());
            if (chosen.epochs() < 1 || chosen.batchSize() < 1 || !(chosen.learningRate() > 0) || !(chosen.l2() >= 0)) {
                throw new IllegalArgumentException(
                        "--epochs and --batch-size must be at least 1, --learning-rate positive, --l2 not negative");
            }
            return chosen;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--epochs, --batch-size, --learning-rate and --l2 take numbers: " + e.getMessage());
        }
    }

    /** The settings a flag can change, as the summaries report them. */
    private static Map<String, Object> settings(IntentTrainer.Options trainer) {
        return Map.of(
                "epochs", trainer.epochs(),
                "batch_size", trainer.batchSize(),
                "learning_rate", trainer.learningRate(),
                "l2", trainer.l2());
    }

    private static TextEmbedder embedder(Map<String, List<String>> options) {
        TextEmbedder embedder = MiniLmTextEmbedder.shared();
        return options.containsKey("cache")
                ? new CachingTextEmbedder(embedder, Path.of(single(options, "cache")))
                : embedder;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String single(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return values.getFirst();
    }

    private static String first(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.getFirst();
    }

    private static Map<String, List<String>> options(String[] args) {
        Set<String> known = FLAGS.get(args[0]);
        if (known == null) {
            throw new IllegalArgumentException("unknown command " + args[0] + "; expected train, eval or entities");
        }
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            String name = args[i].substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException(args[0] + " has no option " + args[i] + "; it takes --"
                        + known.stream().sorted().collect(Collectors.joining(", --")));
            }
            if (options.containsKey(name) && !REPEATABLE.get(args[0]).contains(name)) {
                String once = name.equals("data") ? args[0] + " reads one --data file" : args[i] + " takes one value";
                throw new IllegalArgumentException(
                        once + ": it is given twice (" + options.get(name).getFirst() + " and " + args[i + 1] + ")");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}

package com.agentfactory.ad.prediction;

import com.agentfactory.messaging.error.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model command line: {@code eval} cross-validates model families on a libsvm-style file and prints their
 * figures, baseline included, as one JSON object on the last line; {@code train} trains one family on the whole
 * file and stores it as a new model version. Progress goes to standard error.
 *
 * <pre>
 * eval  --file F [--folds 5] [--seed 42] [--models ftrl,gbt,gbt-cross,lr,ensemble] [--baseline lr] [--served gbt]
 *       [--calibration platt]
 * train --file F --out DIR [--model gbt|gbt-cross|ftrl|lr|ensemble] [--target ctr|cvr] [--seed 42] [--calibration platt]
 *       [--feature-index featindex.txt]
 * bench --file F --models DIR [--target ctr|cvr] [--repeat 20]
 * </pre>
 *
 * {@code bench} times the newest stored model's single-row predictions over the file's rows, as the serving path
 * makes them: a measurement for the benchmarks page, not a test.
 */
public final class AdModelCommand {

    static final double TARGET_AUC_LIFT = 0.02;
    private static final String USAGE =
            "usage: eval --file F [--folds 5] [--seed 42] [--models ftrl,gbt,gbt-cross,lr,ensemble]"
                    + " [--baseline lr] [--served gbt] [--calibration platt|isotonic|none] [--threads 1]\n"
                    + "       train --file F --out DIR [--model gbt|gbt-cross|ftrl|lr|ensemble] [--target ctr|cvr] [--seed 42]"
                    + " [--calibration platt|isotonic|none] [--threads 1] [--feature-index featindex.txt]\n"
                    + "       bench --file F --models DIR [--target ctr|cvr] [--repeat 20]";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    AdModelCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new AdModelCommand(System.out, System.err, Clock.systemUTC()).run(args));
    }

    /** Runs the command and returns the process exit code: 0 done, 2 bad usage or bad input, 1 failure. */
    int run(String[] args) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try {
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            return switch (args[0]) {
                case "eval" -> eval(options);
                case "train" -> train(options);
                case "bench" -> bench(options);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int eval(Map<String, String> options) throws IOException {
        allow(options, "file", "folds", "seed", "models", "baseline", "served", "calibration", "threads");
        Path file = Path.of(required(options, "file"));
        int folds = integer(options, "folds", 5);
        long seed = integer(options, "seed", 42);
        String baseline = options.getOrDefault("baseline", LinearModel.KIND);
        List<String> models = List.of(
                options.getOrDefault("models", "ftrl,gbt,gbt-cross,lr,ensemble").split(","));
        if (!models.contains(baseline)) {
            models = new java.util.ArrayList<>(models);
            models.add(baseline);
        }
        Map<String, ModelTrainer> trainers = trainers(seed, integer(options, "threads", 1));
        for (String model : models) {
            if (!trainers.containsKey(model) && !model.equals(EnsembleModel.KIND)) {
                throw new UsageException("unknown model '" + model + "'");
            }
        }
        if (folds < 2) {
            throw new UsageException("--folds must be at least 2");
        }
        String calibration = calibration(options);
        Dataset data = LibSvmReader.read(file);
        if (data.positives() < folds || data.size() - data.positives() < folds) {
            throw InvalidInputException.of("file", "the file needs at least " + folds + " positive and negative rows");
        }
        err.printf("%d rows, %d positives, %d folds, models %s%n", data.size(), data.positives(), folds, models);
        long started = System.nanoTime();
        Map<String, Map<String, Object>> results =
                new CrossValidation(trainers, calibration, err).run(data, models, folds, seed);
        String served = options.getOrDefault("served", GbtModel.KIND);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "eval");
        report.put("file", file.getFileName().toString());
        report.put("rows", data.size());
        report.put("positives", data.positives());
        report.put("folds", folds);
        report.put("seed", seed);
        report.put("calibration", calibration);
        report.put(
                "protocol",
                "stratified " + folds + "-fold CV; hyper-parameters and calibration chosen on a" + " stratified 1/"
                        + ModelTraining.HOLD_OUT_PARTS + " hold-out of each training fold");
        report.put("models", results);
        report.put("baseline", baseline);
        if (results.containsKey(served)) {
            double lift = (double) results.get(served).get("auc")
                    - (double) results.get(baseline).get("auc");
            report.put("served", served);
            report.put("served_auc_lift_over_baseline", CrossValidation.round(lift));
            report.put("target_auc_lift", TARGET_AUC_LIFT);
            report.put("target_met", lift >= TARGET_AUC_LIFT);
        }
        report.put("seconds", CrossValidation.round((System.nanoTime() - started) / 1e9));
        out.println(Xgboost.JSON.writeValueAsString(report));
        return 0;
    }

    private int train(Map<String, String> options) throws IOException {
        allow(options, "file", "out", "model", "target", "seed", "calibration", "threads", "feature-index");
        Path file = Path.of(required(options, "file"));
        Path folder = Path.of(required(options, "out"));
        String kind = options.getOrDefault("model", GbtModel.KIND);
        String target = options.getOrDefault("target", "ctr");
        if (!target.equals("ctr") && !target.equals("cvr")) {
            throw new UsageException("--target must be ctr or cvr");
        }
        long seed = integer(options, "seed", 42);
        Map<String, ModelTrainer> trainers = trainers(seed, integer(options, "threads", 1));
        if (!trainers.containsKey(kind) && !kind.equals(EnsembleModel.KIND)) {
            throw new UsageException("unknown model '" + kind + "'");
        }
        String calibration = calibration(options);
        Path featureIndex = options.containsKey("feature-index") ? Path.of(options.get("feature-index")) : null;
        if (featureIndex != null) {
            if (!java.nio.file.Files.isRegularFile(featureIndex)) {
                throw InvalidInputException.of("feature-index", "no feature index at " + featureIndex);
            }
            FeatureIndex.read(featureIndex); // refuses a malformed index before hours of training
        }
        Dataset data = LibSvmReader.read(file);
        if (data.positives() < ModelTraining.HOLD_OUT_PARTS) {
            throw InvalidInputException.of(
                    "file", "the file needs at least " + ModelTraining.HOLD_OUT_PARTS + " positive rows");
        }
        TrainedVersion trained = Training.train(trainers, kind, data, seed, calibration);
        Map<String, Object> metrics = new LinkedHashMap<>(trained.metrics());
        metrics.put("rows", data.size());
        metrics.put("positives", data.positives());
        metrics.put("file", file.getFileName().toString());
        ModelVersion version = new ModelStore(folder)
                .save(trained.model(), trained.settings(), target, clock.instant(), metrics, featureIndex);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "train");
        report.put("version", version);
        out.println(Xgboost.JSON.writeValueAsString(report));
        return 0;
    }

    private int bench(Map<String, String> options) throws IOException {
        allow(options, "file", "models", "target", "repeat");
        Path file = Path.of(required(options, "file"));
        ModelStore store = new ModelStore(Path.of(required(options, "models")));
        String target = options.getOrDefault("target", "ctr");
        int repeat = integer(options, "repeat", 20);
        ModelVersion version = store.latest(target)
                .orElseThrow(() -> new UsageException("no stored " + target + " model in " + options.get("models")));
        ClickModel model = store.load(version);
        Dataset data = LibSvmReader.read(file);
        long[] nanos = new long[data.size() * repeat];
        double sink = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            for (SparseFeatures row : data.rows()) {
                sink += model.predict(row);
            }
        }
        int at = 0;
        for (int round = 0; round < repeat; round++) {
            for (SparseFeatures row : data.rows()) {
                long started = System.nanoTime();
                sink += model.predict(row);
                nanos[at++] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "bench");
        report.put("version", version.id());
        report.put("kind", version.kind());
        report.put("predictions", nanos.length);
        report.put("p50_micros", nanos[nanos.length / 2] / 1000.0);
        report.put("p99_micros", nanos[(int) (nanos.length * 0.99)] / 1000.0);
        report.put("max_micros", nanos[nanos.length - 1] / 1000.0);
        report.put("mean_prediction", sink / (nanos.length + 3.0 * data.size()));
        out.println(Xgboost.JSON.writeValueAsString(report));
        return 0;
    }

    private static Map<String, ModelTrainer> trainers(long seed, int threads) {
        Map<String, ModelTrainer> trainers = new LinkedHashMap<>();
        trainers.put(FtrlModel.KIND, new FtrlTrainer(seed));
        trainers.put(GbtModel.KIND, XgboostTrainer.gbt(seed, threads));
        trainers.put(LinearModel.KIND, XgboostTrainer.lr(seed, threads));
        trainers.put(CrossedGbtModel.KIND, new CrossedGbtTrainer(XgboostTrainer.gbt(seed, threads)));
        return trainers;
    }

    private static String calibration(Map<String, String> options) {
        String calibration = options.getOrDefault("calibration", "platt");
        if (!List.of("platt", "isotonic", "none").contains(calibration)) {
            throw new UsageException("--calibration must be platt, isotonic or none");
        }
        return calibration;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new UsageException("expected --name value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void allow(Map<String, String> options, String... names) {
        for (String name : options.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + value + "'");
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

package com.agentfactory.inventory.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code backtest} command. Forecasts units per 7-day block for the SKUs with the most units before the
 * origin, from the history before it only, and scores every model, the ensemble and the baselines (naive, mean
 * of the last 4 and 13 blocks) on the blocks from the origin: WAPE, sMAPE, MASE, and the coverage of the
 * ensemble's 80% and 95% intervals. The last line of the output is the JSON summary.
 *
 * <p>The ensemble weighs the models per SKU by an inner backtest inside the history: the models are fitted on
 * the history minus its last {@code blocks} blocks and scored on those. The same inner forecasts give the
 * intervals (split conformal): quantiles of the ensemble's inner errors, divided by each SKU's level, per
 * horizon. The test blocks are never seen before they are scored.
 *
 * <p>Usage: {@code backtest --data FILE --origin 2011-07-01 [--blocks 8] [--skus 500] [--rounds 300]
 * [--threads 2]}
 */
public final class BacktestMain {

    static final String USAGE = "usage: backtest --data FILE --origin YYYY-MM-DD [--blocks 8] [--skus 500]"
            + " [--rounds 300] [--threads 2]";
    static final String XGBOOST = "xgboost";

    private BacktestMain() {}

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (BacktestInputException e) {
            System.err.println("backtest: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (java.io.IOException e) {
            System.err.println("backtest: cannot read the file: " + e.getMessage());
            System.exit(2);
        }
    }

    static String run(String[] args) throws java.io.IOException {
        Map<String, String> options = options(args);
        Path data = Path.of(required(options, "data"));
        if (!Files.isReadable(data)) {
            throw new BacktestInputException("cannot read " + data);
        }
        LocalDate origin;
        try {
            origin = LocalDate.parse(required(options, "origin"));
        } catch (DateTimeParseException e) {
            throw new BacktestInputException("--origin must be a date like 2011-07-01");
        }
        int blocks = number(options, "blocks", 8, 1, 26);
        int skus = number(options, "skus", 500, 1, 100_000);
        int rounds = number(options, "rounds", 300, 10, 5000);
        int threads = number(options, "threads", 2, 1, 64);
        long started = System.nanoTime();

        RetailBlocks retail = RetailBlocks.read(data, origin, blocks, skus);
        if (retail.historyBlocks() < blocks + 17) {
            throw new BacktestInputException("the inner backtest needs " + (blocks + 17) + " weeks before the origin, "
                    + "the file has " + retail.historyBlocks());
        }
        List<RetailBlocks.Series> series = retail.series();
        LocalDate start = origin.minusWeeks(retail.historyBlocks());
        var boosted = new GradientBoostedBlocks(rounds, threads);

        // inner backtest: the history without its last blocks, scored on those
        List<double[]> innerHistories = series.stream()
                .map(s -> Arrays.copyOf(s.history(), s.history().length - blocks))
                .toList();
        Map<String, double[][]> inner = forecasts(BlockModels.models(), innerHistories, blocks);
        inner.put(XGBOOST, boosted.fitAndForecast(series, innerHistories, start, blocks));
        double[][] innerActual = series.stream()
                .map(s -> Arrays.copyOfRange(s.history(), s.history().length - blocks, s.history().length))
                .toArray(double[][]::new);
        double[][] weights = weights(inner, innerActual);

        // outer: the whole history, scored on the test blocks
        List<double[]> histories =
                series.stream().map(RetailBlocks.Series::history).toList();
        Map<String, double[][]> outer = forecasts(BlockModels.models(), histories, blocks);
        outer.put(XGBOOST, boosted.fitAndForecast(series, histories, start, blocks));
        Map<String, double[][]> baselines = forecasts(BlockModels.baselines(), histories, blocks);
        double[][] actual = series.stream().map(RetailBlocks.Series::actual).toArray(double[][]::new);

        double[][] ensemble = combine(outer, weights);
        double[][] innerEnsemble = combine(inner, weights);
        var intervals80 = Conformal.of(innerEnsemble, innerActual, innerHistories, 0.80);
        var intervals95 = Conformal.of(innerEnsemble, innerActual, innerHistories, 0.95);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", data.getFileName().toString());
        summary.put("origin", origin.toString());
        summary.put("blocks", blocks);
        summary.put("skus", series.size());
        summary.put("history_blocks", retail.historyBlocks());
        Map<String, Object> models = new LinkedHashMap<>();
        outer.forEach((name, forecast) -> models.put(name, Scores.of(forecast, actual, histories)));
        summary.put("models", models);
        Scores ensembleScores = Scores.of(ensemble, actual, histories);
        summary.put("ensemble", ensembleScores);
        Map<String, Scores> baselineScores = new LinkedHashMap<>();
        baselines.forEach((name, forecast) -> baselineScores.put(name, Scores.of(forecast, actual, histories)));
        summary.put("baselines", baselineScores);
        var best = baselineScores.entrySet().stream()
                .min(Map.Entry.comparingByValue(java.util.Comparator.comparingDouble(Scores::wape)))
                .orElseThrow();
        summary.put("best_baseline", best.getKey());
        summary.put(
                "ensemble_wape_reduction_vs_best_baseline",
                round(1 - ensembleScores.wape() / best.getValue().wape()));
        summary.put("coverage_80", round(intervals80.coverage(ensemble, actual, histories)));
        summary.put("coverage_95", round(intervals95.coverage(ensemble, actual, histories)));
        summary.put("seconds", round((System.nanoTime() - started) / 1e9));
        StringBuilder out = new StringBuilder();
        models.forEach((name, scores) -> out.append(line(name, (Scores) scores)));
        out.append(line("ENSEMBLE", ensembleScores));
        baselineScores.forEach((name, scores) -> out.append(line("baseline " + name, scores)));
        out.append(JsonMapper.builder().build().writeValueAsString(summary));
        return out.toString();
    }

    private static Map<String, double[][]> forecasts(
            Map<String, BiFunction<double[], Integer, double[]>> models, List<double[]> histories, int blocks) {
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        models.forEach((name, model) -> forecasts.put(
                name, histories.stream().map(y -> model.apply(y, blocks)).toArray(double[][]::new)));
        return forecasts;
    }

    /**
     * Per SKU and model: the inverse square of the model's inner mean absolute error, a quarter from the SKU's own
     * errors and three quarters from all SKUs' (eight blocks of one SKU alone are a noisy judge). A model whose
     * inner error over all SKUs is more than 10% above the best model's gets no weight.
     */
    static double[][] weights(Map<String, double[][]> inner, double[][] actual) {
        List<String> names = new ArrayList<>(inner.keySet());
        int skus = actual.length;
        double[] total = new double[names.size()];
        double[][] own = new double[skus][names.size()];
        for (int m = 0; m < names.size(); m++) {
            double[][] forecast = inner.get(names.get(m));
            for (int s = 0; s < skus; s++) {
                double error = 0;
                for (int h = 0; h < actual[s].length; h++) {
                    error += Math.abs(actual[s][h] - forecast[s][h]);
                }
                own[s][m] = error / actual[s].length;
                total[m] += error;
            }
        }
        double best = Arrays.stream(total).min().orElseThrow();
        boolean[] kept = new boolean[names.size()];
        for (int m = 0; m < names.size(); m++) {
            kept[m] = total[m] <= 1.1 * best;
        }
        double[] global = normalise(inverseSquares(total, 1e-9, kept));
        double[][] weights = new double[skus][];
        for (int s = 0; s < skus; s++) {
            double[] local = normalise(inverseSquares(own[s], 0.5, kept));
            weights[s] = new double[names.size()];
            for (int m = 0; m < names.size(); m++) {
                weights[s][m] = 0.25 * local[m] + 0.75 * global[m];
            }
        }
        return weights;
    }

    static double[][] combine(Map<String, double[][]> forecasts, double[][] weights) {
        List<double[][]> models = new ArrayList<>(forecasts.values());
        int skus = weights.length;
        int blocks = models.getFirst()[0].length;
        double[][] combined = new double[skus][blocks];
        for (int s = 0; s < skus; s++) {
            for (int m = 0; m < models.size(); m++) {
                for (int h = 0; h < blocks; h++) {
                    combined[s][h] += weights[s][m] * models.get(m)[s][h];
                }
            }
        }
        return combined;
    }

    private static double[] inverseSquares(double[] errors, double floor, boolean[] kept) {
        double[] inverse = new double[errors.length];
        for (int i = 0; i < errors.length; i++) {
            double e = Math.max(errors[i], floor);
            inverse[i] = kept[i] ? 1 / (e * e) : 0;
        }
        return inverse;
    }

    private static double[] normalise(double[] values) {
        double sum = Arrays.stream(values).sum();
        return Arrays.stream(values).map(v -> v / sum).toArray();
    }

    private static String line(String name, Scores scores) {
        return String.format(
                Locale.ROOT,
                "%-18s WAPE %.3f  sMAPE %.3f  MASE %.3f%n",
                name,
                scores.wape(),
                scores.smape(),
                scores.mase());
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        int i = 0;
        if (args.length > 0 && args[0].equals("backtest")) {
            i = 1;
        }
        for (; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new BacktestInputException("unexpected argument " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new BacktestInputException("--" + name + " is required");
        }
        return value;
    }

    private static int number(Map<String, String> options, String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new BacktestInputException("--" + name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BacktestInputException("--" + name + " must be a whole number");
        }
    }
}

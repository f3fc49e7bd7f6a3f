package com.agentfactory.inventory.evaluation;

import com.agentfactory.inventory.forecast.BlockEnsemble;
import com.agentfactory.inventory.forecast.BlockModels;
import com.agentfactory.inventory.forecast.DemandCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * <p>The ensemble is the service's own ({@link BlockEnsemble}): it weighs the models per SKU by an inner backtest
 * inside the history (fitted on the history minus its last {@code blocks} blocks, scored on those), and the same
 * inner forecasts give the intervals (split conformal): quantiles of the ensemble's inner errors, divided by each
 * SKU's level, per horizon. The test blocks are never seen before they are scored.
 *
 * <p>Usage: {@code backtest --data FILE --origin 2011-07-01 [--blocks 8] [--skus 500] [--rounds 300]
 * [--threads 2] [--holidays GB] [--holiday-region eng]}; {@code --holidays none} leaves the trees without holidays
 * and paydays.
 */
public final class BacktestMain {

    static final String USAGE = "usage: backtest --data FILE --origin YYYY-MM-DD [--blocks 8] [--skus 500]"
            + " [--rounds 300] [--threads 2] [--holidays GB|none] [--holiday-region eng]";

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
        String holidays = options.getOrDefault("holidays", "GB");
        DemandCalendar calendar;
        try {
            calendar = DemandCalendar.of(holidays, options.getOrDefault("holiday-region", "eng"));
        } catch (IllegalArgumentException e) {
            throw new BacktestInputException("--holidays: " + e.getMessage());
        }
        long started = System.nanoTime();

        RetailBlocks retail = RetailBlocks.read(data, origin, blocks, skus);
        if (retail.historyBlocks() < blocks + BlockEnsemble.MINIMUM_TRAINING_BLOCKS) {
            throw new BacktestInputException(
                    "the inner backtest needs " + (blocks + BlockEnsemble.MINIMUM_TRAINING_BLOCKS)
                            + " weeks before the origin, " + "the file has " + retail.historyBlocks());
        }
        List<RetailBlocks.Series> series = retail.series();
        LocalDate start = origin.minusWeeks(retail.historyBlocks());
        var fit = BlockEnsemble.fit(
                series.stream()
                        .map(s -> new BlockEnsemble.Series(s.sku(), s.history(), s.price()))
                        .toList(),
                start,
                blocks,
                blocks,
                new BlockEnsemble.Settings(rounds, threads, calendar));
        List<double[]> histories =
                series.stream().map(RetailBlocks.Series::history).toList();
        Map<String, double[][]> outer = fit.outer();
        Map<String, double[][]> baselines = forecasts(BlockModels.baselines(), histories, blocks);
        double[][] actual = series.stream().map(RetailBlocks.Series::actual).toArray(double[][]::new);
        double[][] ensemble = fit.forecast();
        double[] scales = BlockEnsemble.scales(histories);
        var intervals80 = fit.blockIntervals(0.80);
        var intervals95 = fit.blockIntervals(0.95);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("file", data.getFileName().toString());
        summary.put("origin", origin.toString());
        summary.put("blocks", blocks);
        summary.put("skus", series.size());
        summary.put("history_blocks", retail.historyBlocks());
        summary.put("holidays", holidays);
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
        summary.put("target_wape", round(0.8 * best.getValue().wape()));
        summary.put(
                "hindsight_flat_wape",
                Scores.of(hindsightFlat(actual), actual, histories).wape());
        summary.put("coverage_80", round(intervals80.coverage(ensemble, actual, scales)));
        summary.put("coverage_95", round(intervals95.coverage(ensemble, actual, scales)));
        summary.put("seconds", round((System.nanoTime() - started) / 1e9));
        StringBuilder out = new StringBuilder();
        models.forEach((name, scores) -> out.append(line(name, (Scores) scores)));
        out.append(line("ENSEMBLE", ensembleScores));
        baselineScores.forEach((name, scores) -> out.append(line("baseline " + name, scores)));
        out.append(JsonMapper.builder().build().writeValueAsString(summary));
        return out.toString();
    }

    /**
     * Each SKU forecast by the median of its own test blocks: not a forecast (it reads the test blocks) but the
     * lowest WAPE any forecast of one level per SKU can reach, since the median minimises absolute error. It shows
     * how much of the error is the blocks' noise around a SKU's level, which no level forecast can remove.
     */
    static double[][] hindsightFlat(double[][] actual) {
        double[][] forecast = new double[actual.length][];
        for (int s = 0; s < actual.length; s++) {
            double[] sorted = actual[s].clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            forecast[s] = new double[n];
            java.util.Arrays.fill(forecast[s], median);
        }
        return forecast;
    }

    private static Map<String, double[][]> forecasts(
            Map<String, BiFunction<double[], Integer, double[]>> models, List<double[]> histories, int blocks) {
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        models.forEach((name, model) -> forecasts.put(
                name, histories.stream().map(y -> model.apply(y, blocks)).toArray(double[][]::new)));
        return forecasts;
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

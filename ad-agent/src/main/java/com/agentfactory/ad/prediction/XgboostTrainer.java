package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains with xgboost4j: gradient-boosted trees ({@code gbt}), or, with the {@code gblinear} booster and the
 * logistic objective, the plain L2-regularised logistic regression on the raw one-hot indices that serves as the
 * baseline ({@code lr}): a standard, batch, coordinate-descent fit without hashing or per-coordinate rates.
 */
final class XgboostTrainer implements ModelTrainer {

    private static final int MAX_TREES = 300;
    private static final int LINEAR_ROUNDS = 60;
    private static final int ROUND_STEP = 10;
    private static final int MIN_FEATURE_COUNT = 5;

    private final boolean trees;
    private final long seed;
    private final int threads;

    private XgboostTrainer(boolean trees, long seed, int threads) {
        this.trees = trees;
        this.seed = seed;
        this.threads = threads;
    }

    static XgboostTrainer gbt(long seed, int threads) {
        return new XgboostTrainer(true, seed, threads);
    }

    static XgboostTrainer lr(long seed, int threads) {
        return new XgboostTrainer(false, seed, threads);
    }

    @Override
    public String kind() {
        return trees ? GbtModel.KIND : LinearModel.KIND;
    }

    @Override
    public List<Map<String, Object>> candidates() {
        List<Map<String, Object>> grid = new ArrayList<>();
        if (trees) {
            grid.add(Map.of(
                    "max_depth", 3,
                    "eta", 0.1,
                    "min_child_weight", 1.0,
                    "subsample", 0.8,
                    "colsample_bytree", 0.5,
                    "lambda", 1.0));
            grid.add(Map.of(
                    "max_depth", 5,
                    "eta", 0.1,
                    "min_child_weight", 3.0,
                    "subsample", 0.8,
                    "colsample_bytree", 0.3,
                    "lambda", 5.0));
        } else {
            // gblinear scales lambda by the sum of instance weights, so these are per-row penalties
            for (double lambda : new double[] {1e-5, 1e-4, 1e-3}) {
                grid.add(Map.of("lambda", lambda));
            }
        }
        return grid;
    }

    @Override
    public Fitted fit(Dataset data, Map<String, Object> settings, Dataset holdOut) {
        // trees see only the features frequent enough to split on, renumbered densely: a histogram over the
        // sample's 133,000 mostly one-off indices (client networks) costs more than the whole fit
        Columns compact = trees ? Columns.frequent(data, MIN_FEATURE_COUNT) : Columns.all(data);
        Dataset fitted = compact.apply(data);
        int columns = compact.size();
        Map<String, Object> params = new HashMap<>(settings);
        params.remove("rounds");
        params.put("objective", "binary:logistic");
        params.put("nthread", threads);
        params.put("seed", seed);
        params.put("verbosity", 0);
        if (trees) {
            params.put("booster", "gbtree");
            params.put("tree_method", "hist");
        } else {
            params.put("booster", "gblinear");
            // shotgun on one thread is plain sequential coordinate descent, deterministic and fast
            params.put("updater", "shotgun");
            params.put("alpha", 0.0);
        }
        int rounds = settings.containsKey("rounds")
                ? ((Number) settings.get("rounds")).intValue()
                : trees ? MAX_TREES : LINEAR_ROUNDS;
        DMatrix matrix = Xgboost.matrix(fitted, columns);
        Booster booster = null;
        try {
            booster = XGBoost.train(matrix, params, rounds, Map.of(), null, null);
            byte[] json = compact.restoreSplitIndices(booster.toByteArray("json"));
            double firstMargin = Xgboost.firstMargin(booster, fitted, columns);
            if (!trees) {
                return new Fitted(
                        LinearModel.fromXgboostJson(json, firstMargin, data.rows()[0]), withRounds(settings, rounds));
            }
            GbtModel model = GbtModel.fromXgboostJson(json, 0);
            double intercept = firstMargin - model.margin(data.rows()[0], model.trees());
            model = GbtModel.fromXgboostJson(json, intercept);
            if (holdOut == null) {
                return new Fitted(model, withRounds(settings, rounds));
            }
            int best = bestTreeCount(model, holdOut);
            return new Fitted(model.firstTrees(best), withRounds(settings, best));
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            matrix.dispose();
        }
    }

    /** The number of trees (a multiple of ten) with the highest AUC on the hold-out: early stopping. */
    private static int bestTreeCount(GbtModel model, Dataset holdOut) {
        double[] margins = new double[holdOut.size()];
        java.util.Arrays.fill(margins, model.intercept());
        double[] predictions = new double[holdOut.size()];
        int best = ROUND_STEP;
        double bestLoss = Double.MAX_VALUE;
        for (int t = 0; t < model.trees(); t++) {
            for (int r = 0; r < margins.length; r++) {
                margins[r] += model.treeMargin(t, holdOut.rows()[r]);
            }
            if ((t + 1) % ROUND_STEP == 0) {
                for (int r = 0; r < margins.length; r++) {
                    predictions[r] = Probabilities.sigmoid(margins[r]);
                }
                double loss = -Metrics.auc(predictions, holdOut.labels());
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = t + 1;
                }
            }
        }
        return best;
    }

    /** A renumbering of the feature indices kept for training, and its inverse for the trained trees. */
    private record Columns(int[] original, Map<Integer, Integer> compact, boolean identity, int size) {

        static Columns all(Dataset data) {
            return new Columns(null, Map.of(), true, data.maxIndex() + 1);
        }

        static Columns frequent(Dataset data, int minCount) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (SparseFeatures row : data.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    counts.merge(row.index(i), 1, Integer::sum);
                }
            }
            int[] original = counts.entrySet().stream()
                    .filter(entry -> entry.getValue() >= minCount)
                    .mapToInt(Map.Entry::getKey)
                    .sorted()
                    .toArray();
            Map<Integer, Integer> compact = new HashMap<>();
            for (int c = 0; c < original.length; c++) {
                compact.put(original[c], c);
            }
            return new Columns(original, compact, false, original.length);
        }

        Dataset apply(Dataset data) {
            if (identity) {
                return data;
            }
            SparseFeatures[] rows = new SparseFeatures[data.size()];
            for (int r = 0; r < rows.length; r++) {
                SparseFeatures row = data.rows()[r];
                int[] indices = new int[row.size()];
                float[] values = new float[row.size()];
                int kept = 0;
                for (int i = 0; i < row.size(); i++) {
                    Integer column = compact.get(row.index(i));
                    if (column != null) {
                        indices[kept] = column;
                        values[kept++] = row.value(i);
                    }
                }
                rows[r] = SparseFeatures.of(
                        java.util.Arrays.copyOf(indices, kept), java.util.Arrays.copyOf(values, kept));
            }
            return new Dataset(data.labels(), rows);
        }

        /** The trees' split indices put back into the original numbering. */
        byte[] restoreSplitIndices(byte[] json) {
            if (identity) {
                return json;
            }
            tools.jackson.databind.JsonNode root = Xgboost.JSON.readTree(json);
            for (tools.jackson.databind.JsonNode tree :
                    root.path("learner").path("gradient_booster").path("model").path("trees")) {
                tools.jackson.databind.node.ArrayNode splits =
                        (tools.jackson.databind.node.ArrayNode) tree.get("split_indices");
                for (int n = 0; n < splits.size(); n++) {
                    splits.set(n, original[splits.get(n).asInt()]);
                }
            }
            return Xgboost.JSON.writeValueAsBytes(root);
        }
    }

    private static Map<String, Object> withRounds(Map<String, Object> settings, int rounds) {
        Map<String, Object> chosen = new LinkedHashMap<>(settings);
        chosen.put("rounds", rounds);
        return chosen;
    }
}

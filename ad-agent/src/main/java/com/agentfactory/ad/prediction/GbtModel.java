package com.agentfactory.ad.prediction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Gradient-boosted trees trained by xgboost and evaluated here from flat arrays: xgboost's own per-row prediction
 * goes through a native matrix per call, tens of microseconds and several allocations, too slow for a bid.
 * A present feature goes left when its value is below the split condition; an absent one takes the learned
 * default branch, as in xgboost's sparse-aware splits.
 */
final class GbtModel implements ClickModel {

    static final String KIND = "gbt";
    static final String MODEL_FILE = "xgboost-model.json";

    private final int[][] splitIndex;
    private final float[][] splitCondition; // the leaf value at a leaf
    private final int[][] left;
    private final int[][] right;
    private final boolean[][] defaultLeft;
    private final double intercept;
    private final byte[] xgboostJson;

    private GbtModel(
            int[][] splitIndex,
            float[][] splitCondition,
            int[][] left,
            int[][] right,
            boolean[][] defaultLeft,
            double intercept,
            byte[] xgboostJson) {
        this.splitIndex = splitIndex;
        this.splitCondition = splitCondition;
        this.left = left;
        this.right = right;
        this.defaultLeft = defaultLeft;
        this.intercept = intercept;
        this.xgboostJson = xgboostJson;
    }

    /** Reads the trees of xgboost's JSON model; the intercept is the margin the trees do not explain. */
    static GbtModel fromXgboostJson(byte[] json, double intercept) {
        JsonNode trees = Xgboost.JSON
                .readTree(json)
                .path("learner")
                .path("gradient_booster")
                .path("model")
                .path("trees");
        int count = trees.size();
        int[][] splitIndex = new int[count][];
        float[][] splitCondition = new float[count][];
        int[][] left = new int[count][];
        int[][] right = new int[count][];
        boolean[][] defaultLeft = new boolean[count][];
        for (int t = 0; t < count; t++) {
            JsonNode tree = trees.get(t);
            JsonNode lefts = tree.get("left_children");
            int nodes = lefts.size();
            splitIndex[t] = new int[nodes];
            splitCondition[t] = new float[nodes];
            left[t] = new int[nodes];
            right[t] = new int[nodes];
            defaultLeft[t] = new boolean[nodes];
            for (int n = 0; n < nodes; n++) {
                left[t][n] = lefts.get(n).asInt();
                right[t][n] = tree.get("right_children").get(n).asInt();
                splitIndex[t][n] = tree.get("split_indices").get(n).asInt();
                splitCondition[t][n] =
                        (float) tree.get("split_conditions").get(n).asDouble();
                defaultLeft[t][n] = Xgboost.flag(tree.get("default_left").get(n));
            }
        }
        return new GbtModel(splitIndex, splitCondition, left, right, defaultLeft, intercept, json);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double predict(SparseFeatures features) {
        return Probabilities.sigmoid(margin(features, splitIndex.length));
    }

    /** The summed margin of the first {@code trees} trees , for choosing the number of rounds. */
    double margin(SparseFeatures features, int trees) {
        double margin = intercept;
        for (int t = 0; t < trees; t++) {
            margin += leaf(t, features);
        }
        return margin;
    }

    /** The first {@code trees} trees of this model, with the same intercept. */
    GbtModel firstTrees(int trees) {
        byte[] json = trees == splitIndex.length ? xgboostJson : truncatedJson(trees);
        return new GbtModel(
                java.util.Arrays.copyOf(splitIndex, trees),
                java.util.Arrays.copyOf(splitCondition, trees),
                java.util.Arrays.copyOf(left, trees),
                java.util.Arrays.copyOf(right, trees),
                java.util.Arrays.copyOf(defaultLeft, trees),
                intercept,
                json);
    }

    private byte[] truncatedJson(int trees) {
        tools.jackson.databind.node.ObjectNode root =
                (tools.jackson.databind.node.ObjectNode) Xgboost.JSON.readTree(xgboostJson);
        tools.jackson.databind.node.ObjectNode model = (tools.jackson.databind.node.ObjectNode)
                root.path("learner").path("gradient_booster").path("model");
        tools.jackson.databind.node.ArrayNode all = (tools.jackson.databind.node.ArrayNode) model.get("trees");
        tools.jackson.databind.node.ArrayNode kept = all.arrayNode();
        tools.jackson.databind.node.ArrayNode info = kept.arrayNode();
        for (int t = 0; t < trees; t++) {
            kept.add(all.get(t));
            info.add(0);
        }
        model.set("trees", kept);
        model.set("tree_info", info);
        ((tools.jackson.databind.node.ObjectNode) model.path("gbtree_model_param"))
                .put("num_trees", String.valueOf(trees));
        return Xgboost.JSON.writeValueAsBytes(root);
    }

    double treeMargin(int tree, SparseFeatures features) {
        return leaf(tree, features);
    }

    int trees() {
        return splitIndex.length;
    }

    double intercept() {
        return intercept;
    }

    private float leaf(int t, SparseFeatures features) {
        int[] lefts = left[t];
        int node = 0;
        while (lefts[node] != -1) {
            int position = find(features, splitIndex[t][node]);
            if (position < 0) {
                node = defaultLeft[t][node] ? lefts[node] : right[t][node];
            } else {
                node = features.value(position) < splitCondition[t][node] ? lefts[node] : right[t][node];
            }
        }
        return splitCondition[t][node];
    }

    private static int find(SparseFeatures features, int index) {
        int low = 0;
        int high = features.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int value = features.index(middle);
            if (value < index) {
                low = middle + 1;
            } else if (value > index) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("trees", splitIndex.length);
        settings.put("intercept", intercept);
        return settings;
    }

    @Override
    public void save(Path folder) throws IOException {
        Files.write(folder.resolve(MODEL_FILE), xgboostJson);
    }

    static GbtModel load(Path folder, double intercept) throws IOException {
        return fromXgboostJson(Files.readAllBytes(folder.resolve(MODEL_FILE)), intercept);
    }
}

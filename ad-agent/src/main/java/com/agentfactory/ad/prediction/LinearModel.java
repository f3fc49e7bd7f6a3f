package com.agentfactory.ad.prediction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Plain logistic regression on the raw feature indices: one weight per index and a bias. */
final class LinearModel implements ClickModel {

    static final String KIND = "lr";
    private static final String WEIGHTS_FILE = "lr-weights.bin";

    private final float[] weights;
    private final double bias;

    LinearModel(float[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Reads xgboost's gblinear JSON model: its weights, then the bias; the intercept adds xgboost's base margin. */
    static LinearModel fromXgboostJson(byte[] json, double firstMargin, SparseFeatures firstRow) {
        JsonNode all = Xgboost.JSON
                .readTree(json)
                .path("learner")
                .path("gradient_booster")
                .path("model")
                .path("weights");
        float[] weights = new float[all.size() - 1];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) all.get(i).asDouble();
        }
        LinearModel withoutIntercept =
                new LinearModel(weights, all.get(weights.length).asDouble());
        double intercept = firstMargin - withoutIntercept.margin(firstRow);
        return new LinearModel(weights, withoutIntercept.bias + intercept);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double predict(SparseFeatures features) {
        return Probabilities.sigmoid(margin(features));
    }

    double margin(SparseFeatures features) {
        double margin = bias;
        for (int i = 0; i < features.size(); i++) {
            int index = features.index(i);
            if (index < weights.length) {
                margin += weights[index] * features.value(i);
            }
        }
        return margin;
    }

    @Override
    public void save(Path folder) throws IOException {
        try (DataOutputStream out = new DataOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(folder.resolve(WEIGHTS_FILE))))) {
            out.writeDouble(bias);
            out.writeInt(weights.length);
            for (float weight : weights) {
                out.writeFloat(weight);
            }
        }
    }

    static LinearModel load(Path folder) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(folder.resolve(WEIGHTS_FILE))))) {
            double bias = in.readDouble();
            float[] weights = new float[in.readInt()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            return new LinearModel(weights, bias);
        }
    }
}

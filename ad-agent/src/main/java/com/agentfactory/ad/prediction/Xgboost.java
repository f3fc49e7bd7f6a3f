package com.agentfactory.ad.prediction;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bridge to xgboost4j: sparse rows to its CSR matrix, and its JSON model back to plain arrays. */
final class Xgboost {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Xgboost() {}

    /** A CSR matrix of the rows, absent features missing (not zero), as xgboost treats libsvm input. */
    static DMatrix matrix(Dataset data, int columns) {
        long[] rowStarts = new long[data.size() + 1];
        int nonZeros = 0;
        for (int r = 0; r < data.size(); r++) {
            nonZeros += data.rows()[r].size();
            rowStarts[r + 1] = nonZeros;
        }
        int[] indices = new int[nonZeros];
        float[] values = new float[nonZeros];
        float[] labels = new float[data.size()];
        int at = 0;
        for (int r = 0; r < data.size(); r++) {
            SparseFeatures row = data.rows()[r];
            for (int i = 0; i < row.size(); i++) {
                indices[at] = row.index(i);
                values[at++] = row.value(i);
            }
            labels[r] = data.labels()[r];
        }
        try {
            DMatrix matrix = new DMatrix(rowStarts, indices, values, DMatrix.SparseType.CSR, columns);
            matrix.setLabel(labels);
            return matrix;
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not build the training matrix", e);
        }
    }

    static JsonNode modelJson(Booster booster) {
        try {
            return JSON.readTree(booster.toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not write its model", e);
        }
    }

    /** xgboost's margin for the first row, from which a model read back from JSON takes its intercept. */
    static double firstMargin(Booster booster, Dataset data, int columns) {
        DMatrix first = matrix(data.subset(new int[] {0}), columns);
        try {
            return booster.predict(first, true)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not predict", e);
        } finally {
            first.dispose();
        }
    }

    static boolean flag(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : node.asInt() != 0;
    }
}

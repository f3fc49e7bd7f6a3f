package com.agentfactory.ad.prediction;

import java.util.List;

/** Labelled impressions (label 1 for a click, or for a conversion in a conversion data set). */
record Dataset(int[] labels, SparseFeatures[] rows) {

    Dataset {
        if (labels.length != rows.length) {
            throw new IllegalArgumentException("labels and rows differ in length");
        }
    }

    static Dataset of(List<Integer> labels, List<SparseFeatures> rows) {
        return new Dataset(labels.stream().mapToInt(Integer::intValue).toArray(), rows.toArray(SparseFeatures[]::new));
    }

    int size() {
        return labels.length;
    }

    int positives() {
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        return positives;
    }

    int maxIndex() {
        int max = -1;
        for (SparseFeatures row : rows) {
            max = Math.max(max, row.maxIndex());
        }
        return max;
    }

    Dataset subset(int[] positions) {
        int[] subLabels = new int[positions.length];
        SparseFeatures[] subRows = new SparseFeatures[positions.length];
        for (int i = 0; i < positions.length; i++) {
            subLabels[i] = labels[positions[i]];
            subRows[i] = rows[positions[i]];
        }
        return new Dataset(subLabels, subRows);
    }
}

package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Object Mother of labelled impressions: small generated data sets with a known signal. */
final class Impressions {

    private Impressions() {}

    /**
     * Rows with one of {@code fields} values per field (field f uses indices f*10 .. f*10+9); the label is 1 with
     * a probability that rises with the value of field 0 and, for {@code interaction}, when fields 1 and 2 agree.
     */
    static Dataset generated(int rows, int fields, boolean interaction, long seed) {
        Random random = new Random(seed);
        List<Integer> labels = new ArrayList<>();
        List<SparseFeatures> features = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int[] indices = new int[fields];
            int[] values = new int[fields];
            for (int f = 0; f < fields; f++) {
                values[f] = random.nextInt(10);
                indices[f] = f * 10 + values[f];
            }
            double margin = -3 + 0.3 * values[0];
            if (interaction && values[1] % 2 == values[2] % 2) {
                margin += 2;
            }
            labels.add(random.nextDouble() < Probabilities.sigmoid(margin) ? 1 : 0);
            features.add(SparseFeatures.ofIndices(indices));
        }
        return Dataset.of(labels, features);
    }

    /** Perfectly separable rows: feature 1 always clicks, feature 2 never does. */
    static Dataset separable(int rows) {
        List<Integer> labels = new ArrayList<>();
        List<SparseFeatures> features = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            boolean click = r % 2 == 0;
            labels.add(click ? 1 : 0);
            features.add(SparseFeatures.ofIndices(click ? 1 : 2, 3 + r % 5));
        }
        return Dataset.of(labels, features);
    }

    static String toLibSvm(Dataset data) {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < data.size(); r++) {
            text.append(data.labels()[r]);
            SparseFeatures row = data.rows()[r];
            for (int i = 0; i < row.size(); i++) {
                text.append(' ').append(row.index(i)).append(":1");
            }
            text.append('\n');
        }
        return text.toString();
    }
}

package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Online logistic regression by FTRL-Proximal (McMahan et al., "Ad Click Prediction: a View from the Trenches",
 * KDD 2013), per-coordinate learning rates and L1/L2, over hashed features. Written here because no maintained Java
 * library implements FTRL-Proximal (the ones found are Spark- or Flink-bound or unmaintained); the update is the
 * paper's Algorithm 1, a dozen lines.
 */
final class FtrlTrainer implements ModelTrainer {

    private final long seed;

    FtrlTrainer(long seed) {
        this.seed = seed;
    }

    @Override
    public String kind() {
        return FtrlModel.KIND;
    }

    @Override
    public List<Map<String, Object>> candidates() {
        List<Map<String, Object>> grid = new ArrayList<>();
        for (boolean pairs : new boolean[] {false, true}) {
            for (double alpha : new double[] {0.02, 0.05, 0.1}) {
                for (double l1 : new double[] {0.5, 2.0}) {
                    grid.add(Map.of(
                            "alpha", alpha, "beta", 1.0, "l1", l1, "l2", 1.0, "epochs", 2, "bits", 20, "pairs", pairs));
                }
            }
        }
        return grid;
    }

    @Override
    public Fitted fit(Dataset data, Map<String, Object> settings, Dataset holdOut) {
        double alpha = number(settings, "alpha");
        double beta = number(settings, "beta");
        double l1 = number(settings, "l1");
        double l2 = number(settings, "l2");
        int epochs = (int) number(settings, "epochs");
        int bits = (int) number(settings, "bits");
        boolean pairs = (Boolean) settings.get("pairs");
        State state = new State(bits, alpha, beta, l1, l2);
        FtrlModel.Hasher hasher = new FtrlModel.Hasher(bits);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int[] buckets = new int[0];
        float[] values = new float[0];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int row : order) {
                SparseFeatures x = data.rows()[row];
                int size = x.size();
                int count = 1 + size + (pairs ? size * (size - 1) / 2 : 0);
                if (buckets.length < count) {
                    buckets = new int[count];
                    values = new float[count];
                }
                int at = 0;
                buckets[at] = hasher.single(-1);
                values[at++] = 1f;
                for (int i = 0; i < size; i++) {
                    buckets[at] = hasher.single(x.index(i));
                    values[at++] = x.value(i);
                }
                if (pairs) {
                    for (int i = 0; i < size; i++) {
                        for (int j = i + 1; j < size; j++) {
                            buckets[at] = hasher.pair(x.index(i), x.index(j));
                            values[at++] = x.value(i) * x.value(j);
                        }
                    }
                }
                state.update(buckets, values, count, data.labels()[row]);
            }
        }
        return new Fitted(new FtrlModel(bits, pairs, state.weights()), settings);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static double number(Map<String, Object> settings, String key) {
        return ((Number) settings.get(key)).doubleValue();
    }

    /** The per-coordinate accumulators z and n of Algorithm 1. */
    private static final class State {
        private final double[] z;
        private final double[] n;
        private final double alpha, beta, l1, l2;

        State(int bits, double alpha, double beta, double l1, double l2) {
            this.z = new double[1 << bits];
            this.n = new double[1 << bits];
            this.alpha = alpha;
            this.beta = beta;
            this.l1 = l1;
            this.l2 = l2;
        }

        double weight(int i) {
            double zi = z[i];
            if (Math.abs(zi) <= l1) {
                return 0;
            }
            return -(zi - Math.signum(zi) * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
        }

        void update(int[] buckets, float[] values, int count, int label) {
            double margin = 0;
            for (int k = 0; k < count; k++) {
                margin += weight(buckets[k]) * values[k];
            }
            double gradientScale = Probabilities.sigmoid(margin) - label;
            for (int k = 0; k < count; k++) {
                int i = buckets[k];
                double g = gradientScale * values[k];
                double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
                z[i] += g - sigma * weight(i);
                n[i] += g * g;
            }
        }

        float[] weights() {
            float[] weights = new float[z.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) weight(i);
            }
            return weights;
        }
    }
}

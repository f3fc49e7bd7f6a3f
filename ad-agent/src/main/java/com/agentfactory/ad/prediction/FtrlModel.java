package com.agentfactory.ad.prediction;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Logistic regression over hashed features: each feature index (and, with {@code pairs}, each pair of indices in a
 * row) is hashed by murmur3 into one of 2^bits weights, so unseen values and crosses need no dictionary.
 */
final class FtrlModel implements ClickModel {

    static final String KIND = "ftrl";
    private static final String WEIGHTS_FILE = "ftrl-weights.bin";
    private static final int BIAS_FEATURE = -1;

    private final int bits;
    private final boolean pairs;
    private final float[] weights;
    private final Hasher hasher;

    FtrlModel(int bits, boolean pairs, float[] weights) {
        if (weights.length != 1 << bits) {
            throw new IllegalArgumentException("weights must have 2^bits entries");
        }
        this.bits = bits;
        this.pairs = pairs;
        this.weights = weights;
        this.hasher = new Hasher(bits);
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
        double margin = weights[hasher.single(BIAS_FEATURE)];
        int size = features.size();
        for (int i = 0; i < size; i++) {
            margin += weights[hasher.single(features.index(i))] * features.value(i);
        }
        if (pairs) {
            for (int i = 0; i < size; i++) {
                for (int j = i + 1; j < size; j++) {
                    margin += weights[hasher.pair(features.index(i), features.index(j))]
                            * features.value(i)
                            * features.value(j);
                }
            }
        }
        return margin;
    }

    Map<String, Object> settings() {
        return Map.of("bits", bits, "pairs", pairs);
    }

    @Override
    public void save(Path folder) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(folder.resolve(WEIGHTS_FILE)))) {
            out.writeInt(bits);
            out.writeBoolean(pairs);
            for (float weight : weights) {
                out.writeFloat(weight);
            }
        }
    }

    static FtrlModel load(Path folder) throws IOException {
        try (DataInputStream in = new DataInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(folder.resolve(WEIGHTS_FILE))))) {
            int bits = in.readInt();
            boolean pairs = in.readBoolean();
            float[] weights = new float[1 << bits];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            return new FtrlModel(bits, pairs, weights);
        }
    }

    /** Feature and feature-pair buckets by murmur3 (Guava), the two kinds seeded apart so they rarely collide. */
    static final class Hasher {
        private static final HashFunction SINGLE = Hashing.murmur3_32_fixed(0x5eed);
        private static final HashFunction PAIR = Hashing.murmur3_32_fixed(0xc0ffee);
        private final int mask;

        Hasher(int bits) {
            this.mask = (1 << bits) - 1;
        }

        int single(int feature) {
            return SINGLE.hashInt(feature).asInt() & mask;
        }

        int pair(int first, int second) {
            return PAIR.hashLong(((long) first << 32) | (second & 0xffffffffL)).asInt() & mask;
        }
    }
}

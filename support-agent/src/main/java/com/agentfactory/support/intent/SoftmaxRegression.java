package com.agentfactory.support.intent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * Multinomial logistic regression over a dense block (the sentence embedding) and a sparse block (TF-IDF n-grams),
 * trained with mini-batch Adam and L2 regularisation. Written here because Tribuo's and Smile's trainers take one
 * feature representation at a time and would add their own model format next to ours; this is the textbook
 * algorithm in about a hundred lines, and the weights serialise straight into the model artefact.
 */
final class SoftmaxRegression {

    private final int classes;
    private final int denseSize;
    private final int sparseSize;
    /** [class][feature]: dense weights, then sparse weights laid out [feature][class] for cheap sparse dot products. */
    private final float[] dense;

    private final float[] sparse;
    private final float[] bias;

    private SoftmaxRegression(int classes, int denseSize, int sparseSize, float[] dense, float[] sparse, float[] bias) {
        this.classes = classes;
        this.denseSize = denseSize;
        this.sparseSize = sparseSize;
        this.dense = dense;
        this.sparse = sparse;
        this.bias = bias;
    }

    record Example(float[] dense, TfIdfVectorizer.SparseVector sparse, int label) {}

    record Options(int epochs, int batchSize, double learningRate, double l2, long seed) {}

    static SoftmaxRegression train(Example[] examples, int classes, int denseSize, int sparseSize, Options options) {
        var model = new SoftmaxRegression(
                classes,
                denseSize,
                sparseSize,
                new float[classes * denseSize],
                new float[sparseSize * classes],
                new float[classes]);
        model.fit(examples, options);
        return model;
    }

    private void fit(Example[] examples, Options options) {
        float[] gDense = new float[dense.length];
        float[] gSparse = new float[sparse.length];
        float[] gBias = new float[bias.length];
        var mDense = new float[dense.length];
        var vDense = new float[dense.length];
        var mSparse = new float[sparse.length];
        var vSparse = new float[sparse.length];
        var mBias = new float[bias.length];
        var vBias = new float[bias.length];
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        int[] order = new int[examples.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(options.seed());
        int step = 0;
        double[] probabilities = new double[classes];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < order.length; from += options.batchSize()) {
                int to = Math.min(order.length, from + options.batchSize());
                java.util.Arrays.fill(gDense, 0);
                java.util.Arrays.fill(gSparse, 0);
                java.util.Arrays.fill(gBias, 0);
                float scale = 1f / (to - from);
                for (int k = from; k < to; k++) {
                    Example example = examples[order[k]];
                    probabilities(example.dense(), example.sparse(), probabilities);
                    for (int c = 0; c < classes; c++) {
                        float error = (float) (probabilities[c] - (c == example.label() ? 1 : 0)) * scale;
                        gBias[c] += error;
                        int offset = c * denseSize;
                        for (int f = 0; f < denseSize; f++) {
                            gDense[offset + f] += error * example.dense()[f];
                        }
                        int[] idx = example.sparse().indices();
                        float[] val = example.sparse().values();
                        for (int n = 0; n < idx.length; n++) {
                            gSparse[idx[n] * classes + c] += error * val[n];
                        }
                    }
                }
                step++;
                double lr = options.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
                adam(dense, gDense, mDense, vDense, lr, options.l2(), beta1, beta2, eps);
                adam(sparse, gSparse, mSparse, vSparse, lr, options.l2(), beta1, beta2, eps);
                adam(bias, gBias, mBias, vBias, lr, 0, beta1, beta2, eps);
            }
        }
    }

    private static void adam(
            float[] w, float[] g, float[] m, float[] v, double lr, double l2, double b1, double b2, double eps) {
        for (int i = 0; i < w.length; i++) {
            double grad = g[i] + l2 * w[i];
            m[i] = (float) (b1 * m[i] + (1 - b1) * grad);
            v[i] = (float) (b2 * v[i] + (1 - b2) * grad * grad);
            w[i] -= (float) (lr * m[i] / (Math.sqrt(v[i]) + eps));
        }
    }

    int classes() {
        return classes;
    }

    /** Raw scores (logits) for one input. */
    void logits(float[] x, TfIdfVectorizer.SparseVector s, double[] out) {
        for (int c = 0; c < classes; c++) {
            double z = bias[c];
            int offset = c * denseSize;
            for (int f = 0; f < denseSize; f++) {
                z += dense[offset + f] * x[f];
            }
            out[c] = z;
        }
        int[] idx = s.indices();
        float[] val = s.values();
        for (int n = 0; n < idx.length; n++) {
            int offset = idx[n] * classes;
            for (int c = 0; c < classes; c++) {
                out[c] += sparse[offset + c] * val[n];
            }
        }
    }

    void probabilities(float[] x, TfIdfVectorizer.SparseVector s, double[] out) {
        logits(x, s, out);
        softmaxInPlace(out, 1.0);
    }

    static void softmaxInPlace(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp((z[c] - max) / temperature);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(classes);
        out.writeInt(denseSize);
        out.writeInt(sparseSize);
        for (float w : dense) {
            out.writeFloat(w);
        }
        for (float w : sparse) {
            out.writeFloat(w);
        }
        for (float w : bias) {
            out.writeFloat(w);
        }
    }

    static SoftmaxRegression read(DataInputStream in) throws IOException {
        int classes = in.readInt();
        int denseSize = in.readInt();
        int sparseSize = in.readInt();
        float[] dense = readFloats(in, classes * denseSize);
        float[] sparse = readFloats(in, sparseSize * classes);
        float[] bias = readFloats(in, classes);
        return new SoftmaxRegression(classes, denseSize, sparseSize, dense, sparse, bias);
    }

    static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readFloat();
        }
        return out;
    }
}

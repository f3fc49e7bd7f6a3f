package com.agentfactory.support.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained intent classifier as it is stored: labels, TF-IDF vocabulary, softmax weights and the class centroids
 * of the embedding space that the out-of-scope check measures against. The file is gzip'd binary with a format
 * number, so an artefact from another format version is refused instead of misread.
 *
 * <p>Confidence is the softmax probability times an in-domain factor: a message whose embedding lies farther from
 * every class centroid than almost all training messages did gets a low confidence for every intent, whatever the
 * softmax says (softmax alone always sums to one and is often confidently wrong on unrelated text).
 */
public final class IntentModel {

    static final int FORMAT = 2;
    /** Format 1 files carry no out-of-scope threshold; they read with this one, the evaluation's old fixed value. */
    public static final double DEFAULT_OOS_THRESHOLD = 0.5;

    private static final String MAGIC = "agentfactory-intent-model";

    private final String version;
    private final Instant trainedAt;
    private final int trainingExamples;
    private final List<String> labels;
    private final TfIdfVectorizer vectorizer;
    private final SoftmaxRegression regression;
    private final float[][] centroids;
    private final double domainThreshold;
    private final double domainScale;
    private final double oosThreshold;

    IntentModel(
            String version,
            Instant trainedAt,
            int trainingExamples,
            List<String> labels,
            TfIdfVectorizer vectorizer,
            SoftmaxRegression regression,
            float[][] centroids,
            double domainThreshold,
            double domainScale,
            double oosThreshold) {
        this.version = version;
        this.trainedAt = trainedAt;
        this.trainingExamples = trainingExamples;
        this.labels = List.copyOf(labels);
        this.vectorizer = vectorizer;
        this.regression = regression;
        this.centroids = centroids;
        this.domainThreshold = domainThreshold;
        this.domainScale = domainScale;
        this.oosThreshold = oosThreshold;
    }

    /** The same model with the out-of-scope threshold tuned for it (on validation data, never the test set). */
    public IntentModel withOosThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("an out-of-scope threshold lies in [0, 1], not " + threshold);
        }
        return new IntentModel(
                version,
                trainedAt,
                trainingExamples,
                labels,
                vectorizer,
                regression,
                centroids,
                domainThreshold,
                domainScale,
                threshold);
    }

    /** A message whose top confidence is below this is out of scope. */
    public double oosThreshold() {
        return oosThreshold;
    }

    public String version() {
        return version;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    public List<String> labels() {
        return labels;
    }

    /** Softmax probability per label, in {@link #labels()} order. */
    double[] probabilities(float[] embedding, String text) {
        double[] p = new double[labels.size()];
        regression.probabilities(embedding, vectorizer.transform(text), p);
        return p;
    }

    /** The largest cosine similarity between the message and any class centroid. */
    double nearestCentroidSimilarity(float[] embedding) {
        double best = -1;
        for (float[] centroid : centroids) {
            best = Math.max(best, Vectors.dot(embedding, centroid));
        }
        return best;
    }

    /** In [0, 1]: near 1 for messages as close to the classes as the training data, near 0 far outside. */
    double inDomain(float[] embedding) {
        double similarity = nearestCentroidSimilarity(embedding);
        return 1.0 / (1.0 + Math.exp(-(similarity - domainThreshold) / domainScale));
    }

    /** Confidence per label, in {@link #labels()} order: probability scaled by the in-domain factor. */
    public double[] confidences(float[] embedding, String text) {
        double[] p = probabilities(embedding, text);
        double domain = inDomain(embedding);
        for (int i = 0; i < p.length; i++) {
            p[i] *= domain;
        }
        return p;
    }

    TfIdfVectorizer vectorizer() {
        return vectorizer;
    }

    public void write(OutputStream target) throws IOException {
        var gzip = new GZIPOutputStream(new BufferedOutputStream(target));
        var out = new DataOutputStream(gzip);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(version);
        out.writeLong(trainedAt.toEpochMilli());
        out.writeInt(trainingExamples);
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeDouble(domainThreshold);
        out.writeDouble(domainScale);
        out.writeDouble(oosThreshold);
        out.writeInt(centroids[0].length);
        for (float[] centroid : centroids) {
            for (float v : centroid) {
                out.writeFloat(v);
            }
        }
        vectorizer.write(out);
        regression.write(out);
        out.flush();
        gzip.finish();
        gzip.flush();
    }

    public static IntentModel read(InputStream source) throws IOException {
        var in = new DataInputStream(new GZIPInputStream(new BufferedInputStream(source)));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not an intent model artefact");
        }
        int format = in.readInt();
        if (format != FORMAT && format != 1) {
            throw new IOException("intent model format " + format + " is not supported (expected " + FORMAT + ")");
        }
        String version = in.readUTF();
        Instant trainedAt = Instant.ofEpochMilli(in.readLong());
        int examples = in.readInt();
        int labelCount = in.readInt();
        List<String> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(in.readUTF());
        }
        double threshold = in.readDouble();
        double scale = in.readDouble();
        double oosThreshold = format == 1 ? DEFAULT_OOS_THRESHOLD : in.readDouble();
        int dimension = in.readInt();
        float[][] centroids = new float[labelCount][];
        for (int i = 0; i < labelCount; i++) {
            centroids[i] = SoftmaxRegression.readFloats(in, dimension);
        }
        TfIdfVectorizer vectorizer = TfIdfVectorizer.read(in);
        SoftmaxRegression regression = SoftmaxRegression.read(in);
        return new IntentModel(
                version,
                trainedAt,
                examples,
                labels,
                vectorizer,
                regression,
                centroids,
                threshold,
                scale,
                oosThreshold);
    }
}

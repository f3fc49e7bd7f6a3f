package com.agentfactory.support.intent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** Trains an {@link IntentModel} from labelled messages and their sentence embeddings. */
public final class IntentTrainer {

    /**
     * Hyper-parameters; the defaults were chosen on held-out splits of Bitext and BANKING77.
     *
     * @param domainQuantile share of training messages allowed to fall below the in-domain threshold
     * @param domainScale width of the in-domain sigmoid, in cosine units
     */
    public record Options(
            int epochs,
            int batchSize,
            double learningRate,
            double l2,
            int minDocumentFrequency,
            int maxFeatures,
            double domainQuantile,
            double domainScale,
            long seed) {

        public static Options defaults() {
            return new Options(30, 32, 0.01, 1e-5, 2, 40_000, 0.01, 0.04, 42);
        }
    }

    private final Options options;
    private final Clock clock;

    public IntentTrainer(Options options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /**
     * @param examples the labelled messages
     * @param embeddings one normalised embedding per example, same order
     */
    public IntentModel train(List<LabelledText> examples, float[][] embeddings) {
        if (examples.isEmpty() || examples.size() != embeddings.length) {
            throw new IllegalArgumentException("need one embedding per example and at least one example");
        }
        List<String> labels = new ArrayList<>(
                new TreeSet<>(examples.stream().map(LabelledText::label).toList()));
        if (labels.size() < 2) {
            throw new IllegalArgumentException("need at least two intents to train a classifier");
        }
        List<String> texts = examples.stream().map(LabelledText::text).toList();
        TfIdfVectorizer vectorizer = TfIdfVectorizer.fit(texts, options.minDocumentFrequency(), options.maxFeatures());
        int dimension = embeddings[0].length;
        SoftmaxRegression.Example[] rows = new SoftmaxRegression.Example[examples.size()];
        float[][] sums = new float[labels.size()][dimension];
        for (int i = 0; i < rows.length; i++) {
            int label = labels.indexOf(examples.get(i).label());
            rows[i] = new SoftmaxRegression.Example(embeddings[i], vectorizer.transform(texts.get(i)), label);
            for (int f = 0; f < dimension; f++) {
                sums[label][f] += embeddings[i][f];
            }
        }
        float[][] centroids = new float[labels.size()][];
        for (int c = 0; c < centroids.length; c++) {
            centroids[c] = Vectors.normalized(sums[c]);
        }
        double[] nearest = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double best = -1;
            for (float[] centroid : centroids) {
                best = Math.max(best, Vectors.dot(embeddings[i], centroid));
            }
            nearest[i] = best;
        }
        Arrays.sort(nearest);
        double threshold = nearest[(int) Math.floor(options.domainQuantile() * (nearest.length - 1))];

        SoftmaxRegression regression = SoftmaxRegression.train(
                rows,
                labels.size(),
                dimension,
                vectorizer.size(),
                new SoftmaxRegression.Options(
                        options.epochs(), options.batchSize(), options.learningRate(), options.l2(), options.seed()));
        var now = clock.instant();
        String version = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(now)
                + "-" + fingerprint(examples);
        return new IntentModel(
                version,
                now,
                examples.size(),
                labels,
                vectorizer,
                regression,
                centroids,
                threshold - options.domainScale() * 2,
                options.domainScale(),
                IntentModel.DEFAULT_OOS_THRESHOLD);
    }

    private static String fingerprint(List<LabelledText> examples) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledText example : examples) {
                digest.update(example.label().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.agentfactory.support.intent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word 1-2 grams and character 3-4 grams inside words, weighted by sublinear TF times IDF and L2-normalised.
 * Character grams make the classifier robust to the typos customers make ("cancfel", "invoicw"), which the
 * sentence embedding alone handles poorly. Written here rather than taken from Lucene because the classifier
 * needs the sparse vectors themselves, not a search index, and the vocabulary has to live in the model artefact.
 */
final class TfIdfVectorizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");

    private final Map<String, Integer> vocabulary;
    private final float[] idf;

    private TfIdfVectorizer(Map<String, Integer> vocabulary, float[] idf) {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    static TfIdfVectorizer fit(List<String> texts, int minDocumentFrequency, int maxFeatures) {
        Map<String, Integer> df = new HashMap<>();
        for (String text : texts) {
            terms(text).keySet().forEach(term -> df.merge(term, 1, Integer::sum));
        }
        List<Map.Entry<String, Integer>> kept = df.entrySet().stream()
                .filter(e -> e.getValue() >= minDocumentFrequency)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxFeatures)
                .toList();
        Map<String, Integer> vocabulary = new HashMap<>();
        float[] idf = new float[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            vocabulary.put(kept.get(i).getKey(), i);
            idf[i] = (float) (Math.log((1.0 + texts.size()) / (1.0 + kept.get(i).getValue())) + 1.0);
        }
        return new TfIdfVectorizer(vocabulary, idf);
    }

    int size() {
        return idf.length;
    }

    SparseVector transform(String text) {
        Map<String, Integer> counts = terms(text);
        Map<Integer, Float> values = new HashMap<>();
        for (var e : counts.entrySet()) {
            Integer index = vocabulary.get(e.getKey());
            if (index != null) {
                values.put(index, (float) ((1.0 + Math.log(e.getValue())) * idf[index]));
            }
        }
        int[] indices =
                values.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] weights = new float[indices.length];
        double norm = 0;
        for (int i = 0; i < indices.length; i++) {
            weights[i] = values.get(indices[i]);
            norm += weights[i] * weights[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < weights.length && norm > 0; i++) {
            weights[i] /= (float) norm;
        }
        return new SparseVector(indices, weights);
    }

    static Map<String, Integer> terms(String text) {
        // every number becomes "0": an order or invoice number says nothing about the intent, and the training data
        // reuses the same few numbers across intents, which would otherwise teach the model spurious n-grams
        String normalized = DIGITS.matcher(
                        Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("0");
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalized);
        while (m.find()) {
            words.add(m.group());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            counts.merge("w:" + word, 1, Integer::sum);
            if (i + 1 < words.size()) {
                counts.merge("b:" + word + " " + words.get(i + 1), 1, Integer::sum);
            }
            String padded = " " + word + " ";
            for (int n = 3; n <= 4; n++) {
                for (int j = 0; j + n <= padded.length(); j++) {
                    counts.merge("c:" + padded.substring(j, j + n), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(idf.length);
        String[] byIndex = new String[idf.length];
        vocabulary.forEach((term, index) -> byIndex[index] = term);
        for (int i = 0; i < idf.length; i++) {
            out.writeUTF(byIndex[i]);
            out.writeFloat(idf[i]);
        }
    }

    static TfIdfVectorizer read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> vocabulary = new HashMap<>(size * 2);
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            vocabulary.put(in.readUTF(), i);
            idf[i] = in.readFloat();
        }
        return new TfIdfVectorizer(vocabulary, idf);
    }

    record SparseVector(int[] indices, float[] values) {}
}

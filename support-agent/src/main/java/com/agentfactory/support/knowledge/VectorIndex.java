package com.agentfactory.support.knowledge;

import com.agentfactory.support.intent.TextEmbedder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Passage embeddings held in memory, searched exhaustively by cosine similarity. A few hundred passages
 * of 384 dimensions take microseconds to scan, so an approximate index would only add error.
 */
final class VectorIndex {

    record Hit(String id, double similarity) {}

    private final TextEmbedder model;
    private final List<String> ids;
    private final float[][] vectors;

    VectorIndex(TextEmbedder model, List<Passage> passages) {
        this.model = model;
        this.ids = passages.stream().map(Passage::id).toList();
        float[][] embedded =
                model.embed(passages.stream().map(Passage::searchableText).toList());
        this.vectors = new float[embedded.length][];
        for (int i = 0; i < embedded.length; i++) {
            vectors[i] = normalized(embedded[i]);
        }
    }

    /** Every passage, most similar first. */
    List<Hit> rank(String query) {
        float[] q = normalized(model.embed(query));
        List<Hit> hits = new ArrayList<>(ids.size());
        for (int i = 0; i < vectors.length; i++) {
            hits.add(new Hit(ids.get(i), dot(q, vectors[i])));
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        return hits;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }
}

package com.agentfactory.support.knowledge;

import com.agentfactory.support.intent.TextEmbedder;
import com.agentfactory.support.intent.Vectors;
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
            vectors[i] = Vectors.normalized(embedded[i]);
        }
    }

    /** Every passage, most similar first. */
    List<Hit> rank(String query) {
        float[] q = Vectors.normalized(model.embed(query));
        List<Hit> hits = new ArrayList<>(ids.size());
        for (int i = 0; i < vectors.length; i++) {
            hits.add(new Hit(ids.get(i), Vectors.dot(q, vectors[i])));
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        return hits;
    }
}

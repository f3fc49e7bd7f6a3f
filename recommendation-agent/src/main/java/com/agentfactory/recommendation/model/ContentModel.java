package com.agentfactory.recommendation.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Content-based similarity of products from their text: TF-IDF vectors (sublinear term frequency, smoothed
 * IDF, L2-normalised) compared by cosine. Lucene's English analyser tokenises, drops stop words and stems,
 * so "candles" matches "candle". The vectors are sparse and the catalog small, so the neighbours of every
 * product are computed once through a term-to-products index.
 */
public final class ContentModel {

    private final Map<String, List<ScoredItem>> neighbours;

    private ContentModel(Map<String, List<ScoredItem>> neighbours) {
        this.neighbours = neighbours;
    }

    /** @param texts each product's text (name, description, category) */
    public static ContentModel train(Map<String, String> texts, int maxNeighbours) {
        Map<String, Map<String, Double>> termCounts = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            texts.forEach((item, text) -> {
                Map<String, Double> counts = new HashMap<>();
                for (String term : terms(analyzer, text == null ? "" : text)) {
                    counts.merge(term, 1.0, Double::sum);
                }
                counts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
                termCounts.put(item, counts);
            });
        }
        int documents = texts.size();
        Map<String, Map<String, Double>> vectors = new HashMap<>();
        Map<String, Map<String, Double>> postings = new HashMap<>();
        termCounts.forEach((item, counts) -> {
            Map<String, Double> vector = new HashMap<>();
            double squares = 0;
            for (var entry : counts.entrySet()) {
                double idf = Math.log((1.0 + documents) / (1.0 + documentFrequency.get(entry.getKey()))) + 1.0;
                double weight = (1.0 + Math.log(entry.getValue())) * idf;
                vector.put(entry.getKey(), weight);
                squares += weight * weight;
            }
            double norm = Math.sqrt(squares);
            vector.replaceAll((term, weight) -> weight / norm);
            vectors.put(item, vector);
            vector.forEach((term, weight) ->
                    postings.computeIfAbsent(term, t -> new HashMap<>()).put(item, weight));
        });
        Map<String, List<ScoredItem>> neighbours = new HashMap<>();
        vectors.forEach((item, vector) -> {
            Map<String, Double> dots = new HashMap<>();
            vector.forEach((term, weight) -> postings.get(term).forEach((other, otherWeight) -> {
                if (!other.equals(item)) {
                    dots.merge(other, weight * otherWeight, Double::sum);
                }
            }));
            neighbours.put(item, ItemCfModel.top(dots, maxNeighbours));
        });
        return new ContentModel(neighbours);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        return neighbours.getOrDefault(itemId, List.of()).stream()
                .filter(item -> !exclude.contains(item.itemId()))
                .limit(n)
                .toList();
    }

    /** Items textually close to a weighted history: each history item's weight times the cosine, summed. */
    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        Map<String, Double> scores = new HashMap<>();
        userItemWeights.forEach((item, weight) -> {
            for (ScoredItem neighbour : neighbours.getOrDefault(item, List.of())) {
                if (!exclude.contains(neighbour.itemId()) && !userItemWeights.containsKey(neighbour.itemId())) {
                    scores.merge(neighbour.itemId(), weight * neighbour.score(), Double::sum);
                }
            }
        });
        return ItemCfModel.top(scores, n);
    }

    public int itemCount() {
        return neighbours.size();
    }
}

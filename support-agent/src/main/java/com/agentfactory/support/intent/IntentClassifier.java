package com.agentfactory.support.intent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Scores a message against every intent of a trained model; thread-safe (the model is read-only). */
public final class IntentClassifier {

    private final IntentModel model;
    private final TextEmbedder embedder;

    public IntentClassifier(IntentModel model, TextEmbedder embedder) {
        this.model = model;
        this.embedder = embedder;
    }

    public IntentModel model() {
        return model;
    }

    /** Every intent with its confidence, best first. */
    public List<IntentScore> classify(String text) {
        return scores(text, embedder.embed(text));
    }

    /** Batch form for evaluation: embedding many texts at once is several times faster. */
    public List<List<IntentScore>> classifyAll(List<String> texts) {
        float[][] embeddings = embedder.embed(texts);
        List<List<IntentScore>> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(scores(texts.get(i), embeddings[i]));
        }
        return out;
    }

    public List<IntentScore> scores(String text, float[] embedding) {
        double[] confidences = model.confidences(embedding, text);
        List<IntentScore> scores = new ArrayList<>(confidences.length);
        for (int i = 0; i < confidences.length; i++) {
            scores.add(new IntentScore(model.labels().get(i), confidences[i]));
        }
        scores.sort(Comparator.comparingDouble(IntentScore::confidence).reversed());
        return scores;
    }
}

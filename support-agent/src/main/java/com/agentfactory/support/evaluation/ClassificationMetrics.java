package com.agentfactory.support.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Accuracy, macro-F1 over the gold labels, and recall and precision of the out-of-scope label. */
final class ClassificationMetrics {

    private ClassificationMetrics() {}

    static double accuracy(List<String> gold, List<String> predicted) {
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        return gold.isEmpty() ? 0 : (double) correct / gold.size();
    }

    /** Mean F1 over every label that occurs in the gold data. */
    static double macroF1(List<String> gold, List<String> predicted) {
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        for (int i = 0; i < gold.size(); i++) {
            String g = gold.get(i), p = predicted.get(i);
            if (g.equals(p)) {
                counts.computeIfAbsent(g, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(p, k -> new int[3])[1]++;
                counts.computeIfAbsent(g, k -> new int[3])[2]++;
            }
        }
        double sum = 0;
        var labels = new TreeSet<>(gold);
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double denominator = 2.0 * c[0] + c[1] + c[2];
            sum += denominator == 0 ? 0 : 2.0 * c[0] / denominator;
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    /** Share of the out-of-scope messages that were recognised as such. */
    static double recall(List<String> gold, List<String> predicted, String label) {
        int total = 0, found = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(label)) {
                total++;
                if (predicted.get(i).equals(label)) {
                    found++;
                }
            }
        }
        return total == 0 ? 0 : (double) found / total;
    }

    /** Share of the messages predicted as {@code label} that really are; empty when none was predicted. */
    static Optional<Double> precision(List<String> gold, List<String> predicted, String label) {
        int total = 0, right = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (predicted.get(i).equals(label)) {
                total++;
                if (gold.get(i).equals(label)) {
                    right++;
                }
            }
        }
        return total == 0 ? Optional.empty() : Optional.of((double) right / total);
    }
}

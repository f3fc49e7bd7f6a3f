package com.agentfactory.ad.prediction;

import java.util.Map;

/**
 * Platt scaling on the logit of the score: p = sigmoid(a * logit(s) + b), fitted by Newton's method on the log
 * loss with Platt's smoothed targets. Strictly monotone, so it keeps the ranking (and the AUC) of the model.
 * Written here because it is two parameters and a dozen Newton steps; no library on the class path has it.
 */
record PlattCalibrator(double a, double b) implements Calibrator {

    static PlattCalibrator fit(double[] scores, int[] labels) {
        int positives = 0;
        for (int label : labels) {
            positives += label;
        }
        int negatives = labels.length - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double gA = 0, gB = 0, hAA = 0, hAB = 0, hBB = 0;
            for (int i = 0; i < scores.length; i++) {
                double x = Probabilities.logit(scores[i]);
                double p = Probabilities.sigmoid(a * x + b);
                double t = labels[i] == 1 ? hiTarget : loTarget;
                double d = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                gA += d * x;
                gB += d;
                hAA += w * x * x;
                hAB += w * x;
                hBB += w;
            }
            hAA += 1e-9;
            hBB += 1e-9;
            double det = hAA * hBB - hAB * hAB;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double stepA = (hBB * gA - hAB * gB) / det;
            double stepB = (hAA * gB - hAB * gA) / det;
            a -= stepA;
            b -= stepB;
            if (Math.abs(stepA) + Math.abs(stepB) < 1e-9) {
                break;
            }
        }
        return new PlattCalibrator(a, b);
    }

    @Override
    public double apply(double score) {
        return Probabilities.sigmoid(a * Probabilities.logit(score) + b);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("method", "platt", "a", a, "b", b);
    }
}

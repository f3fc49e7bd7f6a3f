package com.agentfactory.ad.prediction;

import java.util.Arrays;

/** Ranking and probability quality of predictions against labels. */
final class Metrics {

    private Metrics() {}

    /**
     * Area under the ROC curve as the Mann-Whitney statistic: the mean rank of the positives, tied scores sharing
     * their average rank (so a tie between a positive and a negative counts one half). Written here because the
     * maintained statistics libraries return the U statistic in forms that hide which group it belongs to.
     */
    static double auc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean negative log-likelihood of the labels, predictions clipped to [1e-7, 1 - 1e-7]. */
    static double logLoss(double[] predictions, int[] labels) {
        double sum = 0;
        for (int i = 0; i < predictions.length; i++) {
            double p = Probabilities.clip(predictions[i]);
            sum -= labels[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / predictions.length;
    }

    /** Expected positives (the sum of the predictions) against the observed ones. */
    static Calibration calibration(double[] predictions, int[] labels) {
        double expected = 0;
        int observed = 0;
        for (int i = 0; i < predictions.length; i++) {
            expected += predictions[i];
            observed += labels[i];
        }
        return new Calibration(expected, observed, observed == 0 ? Double.NaN : expected / observed);
    }

    record Calibration(double expected, int observed, double ratio) {}
}

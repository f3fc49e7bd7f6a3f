package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function of the score that best fits
 * the labels, interpolated linearly between the pooled blocks' mean scores. Written here because it is
 * thirty lines and the maintained Java implementations live in GPL or Spark-sized libraries.
 */
record IsotonicCalibrator(double[] x, double[] y) implements Calibrator {

    static IsotonicCalibrator fit(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(scores[p], scores[q]));
        List<double[]> blocks = new ArrayList<>(); // {sum of scores, sum of labels, count}
        for (int i = 0; i < order.length; i++) {
            double score = scores[order[i]];
            double label = labels[order[i]];
            // equal scores share one block, so the fit is a function of the score
            if (!blocks.isEmpty() && i > 0 && scores[order[i - 1]] == score) {
                double[] last = blocks.getLast();
                last[0] += score;
                last[1] += label;
                last[2] += 1;
            } else {
                blocks.add(new double[] {score, label, 1});
            }
            while (blocks.size() > 1) {
                double[] last = blocks.getLast();
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] <= last[1] / last[2]) {
                    break;
                }
                before[0] += last[0];
                before[1] += last[1];
                before[2] += last[2];
                blocks.removeLast();
            }
        }
        double[] x = new double[blocks.size()];
        double[] y = new double[blocks.size()];
        for (int i = 0; i < x.length; i++) {
            double[] block = blocks.get(i);
            x[i] = block[0] / block[2];
            // a block without a click would map to probability 0, which a log loss cannot take
            y[i] = Probabilities.clip(block[1] / block[2]);
        }
        return new IsotonicCalibrator(x, y);
    }

    @Override
    public double apply(double score) {
        if (score <= x[0]) {
            return y[0];
        }
        if (score >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        int at = Arrays.binarySearch(x, score);
        if (at >= 0) {
            return y[at];
        }
        int upper = -at - 1;
        int lower = upper - 1;
        double t = (score - x[lower]) / (x[upper] - x[lower]);
        return y[lower] + t * (y[upper] - y[lower]);
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of(
                "method",
                "isotonic",
                "x",
                Arrays.stream(x).boxed().toList(),
                "y",
                Arrays.stream(y).boxed().toList());
    }
}

package com.agentfactory.ad.prediction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded stratified k-fold assignment: positives and negatives are shuffled separately and dealt round-robin,
 * so every fold has the same share of clicks (within one) and every row is in exactly one fold.
 */
final class StratifiedFolds {

    private StratifiedFolds() {}

    /** The fold (0..k-1) of each row. */
    static int[] assign(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("folds must be at least 2");
        }
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] == 1 ? positives : negatives).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int row : positives) {
            fold[row] = next++ % k;
        }
        for (int row : negatives) {
            fold[row] = next++ % k;
        }
        return fold;
    }

    /** The rows in fold {@code f} ({@code inFold} true) or outside it. */
    static int[] rows(int[] fold, int f, boolean inFold) {
        int count = 0;
        for (int value : fold) {
            if ((value == f) == inFold) {
                count++;
            }
        }
        int[] rows = new int[count];
        int at = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                rows[at++] = i;
            }
        }
        return rows;
    }

    /**
     * A stratified split of a data set into a part for fitting and a held-out part of about {@code 1/parts} of
     * its rows, for choosing hyper-parameters and fitting the calibration inside a training fold.
     */
    static Dataset[] holdOut(Dataset data, int parts, long seed) {
        int[] fold = assign(data.labels(), parts, seed);
        return new Dataset[] {data.subset(rows(fold, 0, false)), data.subset(rows(fold, 0, true))};
    }
}

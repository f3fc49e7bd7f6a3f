package com.agentfactory.ad.prediction;

import java.util.Arrays;

/**
 * One impression as sparse features: feature indices in increasing order and their values. Binary (one-hot)
 * rows keep no value array, so a row of the iPinYou sample costs 16 ints.
 */
public final class SparseFeatures {

    private final int[] indices;
    private final float[] values;

    private SparseFeatures(int[] indices, float[] values) {
        this.indices = indices;
        this.values = values;
    }

    /** Binary features: each index present has value 1. */
    public static SparseFeatures ofIndices(int... indices) {
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        return new SparseFeatures(sorted, null);
    }

    /**
     * Binary features over an array already in increasing order, neither copied nor sorted: for the serving path,
     * which reuses one buffer per thread. The caller must not change the array while the features are in use.
     */
    static SparseFeatures wrapSorted(int[] sortedIndices) {
        return new SparseFeatures(sortedIndices, null);
    }

    /** Features with values; the arrays are copied and sorted by index. */
    public static SparseFeatures of(int[] indices, float[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        Integer[] order = new Integer[indices.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(indices[a], indices[b]));
        int[] sortedIndices = new int[indices.length];
        float[] sortedValues = new float[indices.length];
        boolean allOnes = true;
        for (int i = 0; i < order.length; i++) {
            sortedIndices[i] = indices[order[i]];
            sortedValues[i] = values[order[i]];
            allOnes &= sortedValues[i] == 1f;
        }
        return new SparseFeatures(sortedIndices, allOnes ? null : sortedValues);
    }

    public int size() {
        return indices.length;
    }

    public int index(int position) {
        return indices[position];
    }

    public float value(int position) {
        return values == null ? 1f : values[position];
    }

    /** The largest index, or -1 for a row without features. */
    public int maxIndex() {
        return indices.length == 0 ? -1 : indices[indices.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseFeatures that
                && Arrays.equals(indices, that.indices)
                && Arrays.equals(valuesOrOnes(), that.valuesOrOnes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.length; i++) {
            text.append(i == 0 ? "" : " ").append(indices[i]).append(':').append(value(i));
        }
        return text.toString();
    }

    private float[] valuesOrOnes() {
        if (values != null) {
            return values;
        }
        float[] ones = new float[indices.length];
        Arrays.fill(ones, 1f);
        return ones;
    }
}

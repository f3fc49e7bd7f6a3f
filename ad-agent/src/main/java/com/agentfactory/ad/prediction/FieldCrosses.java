package com.agentfactory.ad.prediction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One-hot crosses of pairs of low-cardinality fields, which the trees would otherwise have to assemble from two
 * splits each (and, sampling a third of the columns per tree, rarely do): the slot's size (width x height), the
 * hour of the week (hour x weekday) and the slot's visibility x format. The crossed values are those seen in the
 * training rows, numbered in order of first appearance and appended above {@link #BASE}; the one-hot indices stay.
 * No label is read, so nothing about clicks leaks from the rows the crosses are fitted on.
 *
 * <p>A row's fields are recognised by position: every row has one index per field and fields are consecutive index
 * ranges (as in the one-hot files and in {@link BidFeatureEncoder}'s output), so the start of each field is the
 * smallest index seen at its position in the training rows.
 */
final class FieldCrosses {

    /** The first index of the crosses, above every one-hot index of the feature index. */
    static final int BASE = 1 << 24;

    static final String FILE = "field-crosses.bin";

    /** Pairs of field positions, as numbered in {@link FeatureIndex#FIELDS}. */
    static final List<int[]> PAIRS = List.of(
            new int[] {9, 10}, // slot width x height
            new int[] {1, 0}, // hour x weekday
            new int[] {11, 12}); // slot visibility x format

    private final int[] fieldStarts;
    private final List<Map<Long, Integer>> values; // per pair: crossed value -> its number

    private FieldCrosses(int[] fieldStarts, List<Map<Long, Integer>> values) {
        this.fieldStarts = fieldStarts;
        this.values = values;
    }

    static FieldCrosses fit(Dataset data) {
        int[] starts = fieldStarts(data);
        List<Map<Long, Integer>> values = new ArrayList<>();
        for (int p = 0; p < PAIRS.size(); p++) {
            values.add(new HashMap<>());
        }
        FieldCrosses crosses = new FieldCrosses(starts, values);
        int next = 0;
        int[] byField = new int[starts.length];
        for (SparseFeatures row : data.rows()) {
            crosses.fields(row, byField);
            for (int p = 0; p < PAIRS.size(); p++) {
                long key = key(byField, PAIRS.get(p));
                if (key >= 0 && !values.get(p).containsKey(key)) {
                    values.get(p).put(key, next++);
                }
            }
        }
        return crosses;
    }

    SparseFeatures apply(SparseFeatures row) {
        int[] byField = new int[fieldStarts.length];
        fields(row, byField);
        int[] indices = Arrays.copyOf(indicesOf(row), row.size() + PAIRS.size());
        float[] valuesOut = new float[indices.length];
        for (int i = 0; i < row.size(); i++) {
            valuesOut[i] = row.value(i);
        }
        int at = row.size();
        for (int p = 0; p < PAIRS.size(); p++) {
            Integer number = values.get(p).get(key(byField, PAIRS.get(p)));
            if (number != null) {
                indices[at] = BASE + number;
                valuesOut[at++] = 1f;
            }
        }
        return SparseFeatures.of(Arrays.copyOf(indices, at), Arrays.copyOf(valuesOut, at));
    }

    Dataset apply(Dataset data) {
        SparseFeatures[] rows = new SparseFeatures[data.size()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = apply(data.rows()[r]);
        }
        return new Dataset(data.labels(), rows);
    }

    private void fields(SparseFeatures row, int[] byField) {
        Arrays.fill(byField, -1);
        for (int i = 0; i < row.size(); i++) {
            int at = Arrays.binarySearch(fieldStarts, row.index(i));
            int field = at >= 0 ? at : -at - 2;
            if (field >= 0 && row.index(i) < BASE) {
                byField[field] = row.index(i);
            }
        }
    }

    private static int[] indicesOf(SparseFeatures row) {
        int[] indices = new int[row.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = row.index(i);
        }
        return indices;
    }

    private static long key(int[] byField, int[] pair) {
        int a = pair[0] < byField.length ? byField[pair[0]] : -1;
        int b = pair[1] < byField.length ? byField[pair[1]] : -1;
        return a < 0 || b < 0 ? -1 : ((long) a << 32) | b;
    }

    /** The smallest index at each position of the rows with the most common number of features. */
    private static int[] fieldStarts(Dataset data) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (SparseFeatures row : data.rows()) {
            sizes.merge(row.size(), 1, Integer::sum);
        }
        int fields = sizes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        int[] starts = new int[fields];
        Arrays.fill(starts, Integer.MAX_VALUE);
        for (SparseFeatures row : data.rows()) {
            if (row.size() == fields) {
                for (int p = 0; p < fields; p++) {
                    starts[p] = Math.min(starts[p], row.index(p));
                }
            }
        }
        for (int p = 1; p < fields; p++) {
            if (starts[p] <= starts[p - 1]) {
                throw new IllegalArgumentException("the rows' fields are not consecutive index ranges");
            }
        }
        return starts;
    }

    void save(Path folder) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(folder.resolve(FILE))))) {
            out.writeInt(fieldStarts.length);
            for (int start : fieldStarts) {
                out.writeInt(start);
            }
            out.writeInt(values.size());
            for (Map<Long, Integer> pair : values) {
                out.writeInt(pair.size());
                for (Map.Entry<Long, Integer> entry : pair.entrySet()) {
                    out.writeLong(entry.getKey());
                    out.writeInt(entry.getValue());
                }
            }
        }
    }

    static FieldCrosses load(Path folder) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(folder.resolve(FILE))))) {
            int[] starts = new int[in.readInt()];
            for (int p = 0; p < starts.length; p++) {
                starts[p] = in.readInt();
            }
            int pairs = in.readInt();
            if (pairs != PAIRS.size()) {
                throw new IOException("the stored crosses have " + pairs + " pairs, expected " + PAIRS.size());
            }
            List<Map<Long, Integer>> values = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                int size = in.readInt();
                Map<Long, Integer> pair = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    pair.put(in.readLong(), in.readInt());
                }
                values.add(pair);
            }
            return new FieldCrosses(starts, values);
        }
    }
}

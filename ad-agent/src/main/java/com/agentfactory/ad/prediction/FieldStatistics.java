package com.agentfactory.ad.prediction;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numeric features the trees can split on, fitted on training rows only: for each field and for a few crosses of
 * two fields, how often the row's value was seen (count encoding) and its smoothed click rate (target encoding,
 * {@code (clicks + m × prior) / (count + m)}). The one-hot indices stay; the numeric ones are appended above
 * {@link #BASE}.
 *
 * <p>A row's fields are recognised by position: every row has one index per field and fields are consecutive index
 * ranges (as in the one-hot files and {@link BidFeatureEncoder}'s output), so the start of each field is the smallest
 * index seen at its position. The rows the statistics are fitted on get out-of-fold target encodings (each row's
 * own click never counts towards its own value); every other row, at evaluation and at serving, gets the
 * statistics of all training rows.
 */
final class FieldStatistics {

    /** The first index of the appended numeric features, above every one-hot index of the feature index. */
    static final int BASE = 1 << 24;

    static final String FILE = "field-statistics.bin";

    /** Pairs of field positions crossed (field numbers as in {@link FeatureIndex#FIELDS}). */
    static final List<int[]> ALL_CROSSES = List.of(
            new int[] {9, 10}, // slot width x height
            new int[] {7, 8}, // domain x slot
            new int[] {13, 8}, // creative x slot
            new int[] {13, 7}, // creative x domain
            new int[] {1, 0}, // hour x weekday
            new int[] {4, 13}, // region x creative
            new int[] {2, 11}, // user agent x slot visibility
            new int[] {11, 12}); // slot visibility x format

    static final List<int[]> CROSSES = System.getProperty("fe.crossset") == null
            ? ALL_CROSSES.subList(0, Integer.getInteger("fe.crosses", ALL_CROSSES.size()))
            : java.util.Arrays.stream(System.getProperty("fe.crossset").split(";"))
                    .map(t -> new int[] {Integer.parseInt(t.split(",")[0]), Integer.parseInt(t.split(",")[1])})
                    .toList();
    private static final int INNER_FOLDS = 5;

    private final int[] fieldStarts;
    private final double prior;
    private final double smoothing;
    private final Map<Long, long[]> singles; // one-hot index -> {count, clicks}
    private final List<Map<Long, long[]>> crosses;

    private FieldStatistics(
            int[] fieldStarts,
            double prior,
            double smoothing,
            Map<Long, long[]> singles,
            List<Map<Long, long[]>> crosses) {
        this.fieldStarts = fieldStarts;
        this.prior = prior;
        this.smoothing = smoothing;
        this.singles = singles;
        this.crosses = crosses;
    }

    /** Fits the statistics on the rows and returns them with the rows transformed out of fold. */
    static Fitted fit(Dataset data, double smoothing, long seed) {
        int[] starts = fieldStarts(data);
        FieldStatistics all = count(data, starts, smoothing);
        int[] fold = StratifiedFolds.assign(data.labels(), INNER_FOLDS, seed);
        FieldStatistics[] without = new FieldStatistics[INNER_FOLDS];
        for (int f = 0; f < INNER_FOLDS; f++) {
            without[f] = count(data.subset(StratifiedFolds.rows(fold, f, false)), starts, smoothing);
        }
        SparseFeatures[] rows = new SparseFeatures[data.size()];
        for (int r = 0; r < rows.length; r++) {
            // counts from all rows (they use no label), click rates from the rows of the other inner folds
            rows[r] = all.apply(data.rows()[r], without[fold[r]]);
        }
        return new Fitted(all, new Dataset(data.labels(), rows));
    }

    record Fitted(FieldStatistics statistics, Dataset transformed) {}

    SparseFeatures apply(SparseFeatures row) {
        return apply(row, this);
    }

    Dataset apply(Dataset data) {
        SparseFeatures[] rows = new SparseFeatures[data.size()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = apply(data.rows()[r]);
        }
        return new Dataset(data.labels(), rows);
    }

    private SparseFeatures apply(SparseFeatures row, FieldStatistics rates) {
        int fields = fieldStarts.length;
        int[] byField = new int[fields];
        Arrays.fill(byField, -1);
        for (int i = 0; i < row.size(); i++) {
            int field = fieldOf(row.index(i));
            if (field >= 0) {
                byField[field] = row.index(i);
            }
        }
        int extra = 2 * (fields + CROSSES.size());
        int[] indices = new int[row.size() + extra];
        float[] values = new float[row.size() + extra];
        for (int i = 0; i < row.size(); i++) {
            indices[i] = row.index(i);
            values[i] = row.value(i);
        }
        int at = row.size();
        int next = BASE;
        for (int f = 0; f < fields && FIELDS_ON == 1; f++) {
            if (FIELD_SET != null && !FIELD_SET.contains(f)) continue;
            long key = byField[f];
            at = put(indices, values, at, next, singles.get(key), rates.singles.get(key), rates);
            next += 2;
        }
        for (int c = 0; c < CROSSES.size(); c++) {
            int[] pair = CROSSES.get(c);
            long key = crossKey(byField[pair[0]], byField[pair[1]]);
            at = put(
                    indices,
                    values,
                    at,
                    next,
                    crosses.get(c).get(key),
                    rates.crosses.get(c).get(key),
                    rates);
            next += 2;
        }
        return SparseFeatures.of(Arrays.copyOf(indices, at), Arrays.copyOf(values, at));
    }

    static final String MODE = System.getProperty("fe.mode", "both");
    static final int FIELDS_ON = Integer.getInteger("fe.fields", 1);
    static final boolean ONEHOT = Boolean.getBoolean("fe.onehot");
    static final java.util.Set<Integer> FIELD_SET = System.getProperty("fe.fieldset") == null
            ? null
            : java.util.Arrays.stream(System.getProperty("fe.fieldset").split(","))
                    .map(Integer::valueOf)
                    .collect(java.util.stream.Collectors.toSet());

    private int put(
            int[] indices, float[] values, int at, int index, long[] counted, long[] rated, FieldStatistics rates) {
        if (!MODE.equals("te")) {
            indices[at] = index;
            values[at++] = counted == null ? 0 : counted[0];
        }
        if (!MODE.equals("count")) {
            indices[at] = index + 1;
            long count = rated == null ? 0 : rated[0];
            long clicks = rated == null ? 0 : rated[1];
            values[at++] = (float) ((clicks + rates.smoothing * rates.prior) / (count + rates.smoothing));
        }
        return at;
    }

    private int fieldOf(int index) {
        int at = Arrays.binarySearch(fieldStarts, index);
        return at >= 0 ? at : -at - 2;
    }

    private static long crossKey(int a, int b) {
        return a < 0 || b < 0 ? -1 : ((long) a << 32) | (b & 0xffffffffL);
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

    private static FieldStatistics count(Dataset data, int[] starts, double smoothing) {
        Map<Long, long[]> singles = new HashMap<>();
        List<Map<Long, long[]>> crosses = CROSSES.stream()
                .map(pair -> (Map<Long, long[]>) new HashMap<Long, long[]>())
                .toList();
        FieldStatistics layout = new FieldStatistics(starts, 0, smoothing, singles, crosses);
        int[] byField = new int[starts.length];
        int[] ids = new int[1];
        for (int r = 0; r < data.size(); r++) {
            SparseFeatures row = data.rows()[r];
            int label = data.labels()[r];
            Arrays.fill(byField, -1);
            for (int i = 0; i < row.size(); i++) {
                int field = layout.fieldOf(row.index(i));
                if (field >= 0) {
                    byField[field] = row.index(i);
                }
                long[] counted = singles.computeIfAbsent((long) row.index(i), key -> new long[2]);
                counted[0]++;
                counted[1] += label;
            }
            for (int c = 0; c < CROSSES.size(); c++) {
                int[] pair = CROSSES.get(c);
                long key = crossKey(byField[pair[0]], byField[pair[1]]);
                if (key >= 0) {
                    long[] counted = crosses.get(c).computeIfAbsent(key, k -> new long[] {0, 0, ids[0]++});
                    counted[0]++;
                    counted[1] += label;
                }
            }
        }
        return new FieldStatistics(starts, data.positives() / (double) data.size(), smoothing, singles, crosses);
    }

    void save(Path folder) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(folder.resolve(FILE))))) {
            out.writeInt(fieldStarts.length);
            for (int start : fieldStarts) {
                out.writeInt(start);
            }
            out.writeDouble(prior);
            out.writeDouble(smoothing);
            write(out, singles);
            out.writeInt(crosses.size());
            for (Map<Long, long[]> cross : crosses) {
                write(out, cross);
            }
        }
    }

    static FieldStatistics load(Path folder) throws IOException {
        try (DataInputStream in =
                new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(folder.resolve(FILE))))) {
            int[] starts = new int[in.readInt()];
            for (int p = 0; p < starts.length; p++) {
                starts[p] = in.readInt();
            }
            double prior = in.readDouble();
            double smoothing = in.readDouble();
            Map<Long, long[]> singles = read(in);
            int count = in.readInt();
            if (count != CROSSES.size()) {
                throw new IOException(
                        "the stored field statistics have " + count + " crosses, expected " + CROSSES.size());
            }
            List<Map<Long, long[]>> crosses = new java.util.ArrayList<>();
            for (int c = 0; c < count; c++) {
                crosses.add(read(in));
            }
            return new FieldStatistics(starts, prior, smoothing, singles, crosses);
        }
    }

    private static void write(DataOutputStream out, Map<Long, long[]> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<Long, long[]> entry : counts.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue()[0]);
            out.writeLong(entry.getValue()[1]);
        }
    }

    private static Map<Long, long[]> read(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<Long, long[]> counts = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            counts.put(in.readLong(), new long[] {in.readLong(), in.readLong()});
        }
        return counts;
    }
}

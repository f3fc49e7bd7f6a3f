package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_FDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_FDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EASE^R (Steck 2019), the implicit-feedback model: a closed-form item-item weight matrix
 * B = I - P diagMat(1 / diag(P)) with P = (X'X + lambda I)^-1, constrained to a zero diagonal so no item
 * explains itself. One symmetric positive-definite inverse of an items-by-items matrix, done by EJML's
 * Cholesky solver; to bound that cost only the {@code maxItems} most used items are modelled. B is computed in the
 * inverse's own array and kept as one flat row-major array, so training holds two items-by-items arrays at its peak
 * (the factorised Gram matrix and the inverse) beside the one of the model in service. The arrays are single
 * precision: at 3,000 items a double one is 72 MB, and the three would not fit the service's heap with the rest of
 * it, while every MovieLens 100K ranking metric came out the same to the fourth decimal either way
 * (docs/benchmarks.md).
 */
public final class EaseModel {

    private final Map<String, Integer> index;
    private final String[] items;
    /** B, row-major: row i, column j at {@code i * items.length + j} */
    private final float[] weights;

    private EaseModel(Map<String, Integer> index, String[] items, float[] weights) {
        this.index = index;
        this.items = items;
        this.weights = weights;
    }

    /**
     * @param lambda L2 regularisation; larger values favour popular items less sharply
     * @param maxItems the most used items kept; the rest are neither scored nor used as evidence
     */
    public static EaseModel train(Collection<Signal> signals, double lambda, int maxItems) {
        Map<String, Map<String, Double>> byUser = new HashMap<>();
        Map<String, Integer> usersOfItem = new HashMap<>();
        for (Signal signal : signals) {
            byUser.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                    .merge(signal.itemId(), signal.weight(), Double::sum);
        }
        byUser.values().forEach(basket -> basket.keySet().forEach(item -> usersOfItem.merge(item, 1, Integer::sum)));
        String[] items = usersOfItem.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxItems)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.length; i++) {
            index.put(items[i], i);
        }
        int n = items.length;
        if (n == 0) {
            return new EaseModel(index, items, new float[0]);
        }
        // the Gram matrix is built, factorised and dropped inside the call: only the inverse outlives it
        FMatrixRMaj inverse = invert(gram(byUser, index, n, lambda), n);
        float[] p = inverse.data;
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // B[i][j] = -P[i][j] / P[j][j]: how much having item i predicts item j
                p[i * n + j] = i == j ? 0f : -p[i * n + j] / diagonal[j];
            }
        }
        return new EaseModel(index, items, p);
    }

    /** X'X + lambda I over the modelled items. */
    private static FMatrixRMaj gram(
            Map<String, Map<String, Double>> byUser, Map<String, Integer> index, int n, double lambda) {
        FMatrixRMaj gram = new FMatrixRMaj(n, n);
        float[] g = gram.data;
        for (Map<String, Double> basket : byUser.values()) {
            int[] kept = new int[basket.size()];
            double[] values = new double[basket.size()];
            int size = 0;
            for (var entry : basket.entrySet()) {
                Integer i = index.get(entry.getKey());
                if (i != null) {
                    kept[size] = i;
                    values[size++] = entry.getValue();
                }
            }
            for (int a = 0; a < size; a++) {
                int row = kept[a] * n;
                for (int b = 0; b < size; b++) {
                    g[row + kept[b]] += (float) (values[a] * values[b]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += (float) lambda;
        }
        return gram;
    }

    /**
     * (X'X + lambda I)^-1; the Gram matrix is factorised in place. EJML's factory picks its block solver from 1,000
     * rows on, which copies the matrix into block form and inverts into a block matrix of its own: two more
     * items-by-items arrays at the peak. The row-major solver needs none.
     */
    private static FMatrixRMaj invert(FMatrixRMaj gram, int n) {
        LinearSolverDense<FMatrixRMaj> solver = new LinearSolverChol_FDRM(new CholeskyDecompositionInner_FDRM(true));
        if (!solver.setA(gram)) {
            throw new IllegalStateException("the regularised Gram matrix is not positive definite");
        }
        FMatrixRMaj inverse = new FMatrixRMaj(n, n);
        solver.invert(inverse);
        return inverse;
    }

    /** Scores every modelled item as the history row times B. */
    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        double[] scores = new double[items.length];
        boolean any = false;
        for (var entry : userItemWeights.entrySet()) {
            Integer i = index.get(entry.getKey());
            if (i != null) {
                any = true;
                int row = i * scores.length;
                double weight = entry.getValue();
                for (int j = 0; j < scores.length; j++) {
                    scores[j] += weight * weights[row + j];
                }
            }
        }
        if (!any) {
            return List.of();
        }
        return best(scores, item -> exclude.contains(item) || userItemWeights.containsKey(item), n);
    }

    /** The items that having {@code itemId} predicts most strongly. */
    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        Integer i = index.get(itemId);
        if (i == null) {
            return List.of();
        }
        double[] row = new double[items.length];
        for (int j = 0; j < row.length; j++) {
            row[j] = weights[i * items.length + j];
        }
        return best(row, item -> item.equals(itemId) || exclude.contains(item), n);
    }

    private List<ScoredItem> best(double[] scores, java.util.function.Predicate<String> skip, int n) {
        List<ScoredItem> scored = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > 0 && !skip.test(items[j])) {
                scored.add(new ScoredItem(items[j], scores[j]));
            }
        }
        scored.sort(ItemCfModel.BY_SCORE_DESC);
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    public int itemCount() {
        return items.length;
    }
}

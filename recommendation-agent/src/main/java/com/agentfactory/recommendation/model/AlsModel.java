package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Matrix factorisation for implicit feedback by alternating least squares (Hu, Koren and Volinsky 2008):
 * every user-item cell is a preference, 1 where the user interacted and 0 elsewhere, trusted with
 * confidence c = 1 + alpha * weight. Each half-step solves, per user (then per item), the ridge system
 * (Y'Y + Y'(C - I)Y + lambda I) x = Y'C p exactly; Y'Y is shared, so a row costs only its own interactions.
 *
 * <p>The loop is written by hand around EJML's Cholesky solver: no maintained Java implicit-ALS library
 * runs in-process without a Spark or native runtime, and the loop is short. Only item factors are kept;
 * a user, known or new, is folded in at query time with the same solve against them.
 */
public final class AlsModel {

    /** Training settings; {@link #DEFAULTS} are tuned on MovieLens 100K. */
    public record Settings(int factors, int iterations, double regularisation, double alpha, long seed) {
        public static final Settings DEFAULTS = new Settings(64, 15, 30.0, 2.0, 42);
    }

    private final Map<String, Integer> index;
    private final String[] items;
    private final double[][] itemFactors;
    private final double[] itemNorms;
    private final DMatrixRMaj gram;
    private final double regularisation;
    private final double alpha;

    private AlsModel(
            Map<String, Integer> index,
            String[] items,
            double[][] itemFactors,
            DMatrixRMaj gram,
            double regularisation,
            double alpha) {
        this.index = index;
        this.items = items;
        this.itemFactors = itemFactors;
        this.gram = gram;
        this.regularisation = regularisation;
        this.alpha = alpha;
        this.itemNorms = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            itemNorms[i] = Math.sqrt(dot(itemFactors[i], itemFactors[i]));
        }
    }

    /** @param signals implicit signals; weights of one user and item add up, non-positive totals are ignored */
    public static AlsModel train(Collection<Signal> signals, Settings settings) {
        Map<String, Map<String, Double>> byUser = new HashMap<>();
        for (Signal signal : signals) {
            byUser.computeIfAbsent(signal.userId(), u -> new HashMap<>())
                    .merge(signal.itemId(), signal.weight(), Double::sum);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> items = new ArrayList<>();
        // sorted users and first-seen items of sorted users: the factors do not depend on hash or input order
        List<String> userIds = byUser.keySet().stream().sorted().toList();
        List<int[]> userItems = new ArrayList<>();
        List<double[]> userWeights = new ArrayList<>();
        for (String user : userIds) {
            var basket = byUser.get(user).entrySet().stream()
                    .filter(entry -> entry.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey())
                    .toList();
            int[] kept = new int[basket.size()];
            double[] weights = new double[basket.size()];
            for (int x = 0; x < kept.length; x++) {
                kept[x] = index.computeIfAbsent(basket.get(x).getKey(), id -> {
                    items.add(id);
                    return items.size() - 1;
                });
                weights[x] = basket.get(x).getValue();
            }
            userItems.add(kept);
            userWeights.add(weights);
        }
        int f = settings.factors();
        int itemCount = items.size();
        // the same interactions by item, for the item half-step
        int[] perItem = new int[itemCount];
        userItems.forEach(kept -> {
            for (int i : kept) {
                perItem[i]++;
            }
        });
        int[][] itemUsers = new int[itemCount][];
        double[][] itemWeights = new double[itemCount][];
        for (int i = 0; i < itemCount; i++) {
            itemUsers[i] = new int[perItem[i]];
            itemWeights[i] = new double[perItem[i]];
            perItem[i] = 0;
        }
        for (int u = 0; u < userItems.size(); u++) {
            int[] kept = userItems.get(u);
            double[] weights = userWeights.get(u);
            for (int x = 0; x < kept.length; x++) {
                int i = kept[x];
                itemUsers[i][perItem[i]] = u;
                itemWeights[i][perItem[i]++] = weights[x];
            }
        }

        Random random = new Random(settings.seed());
        double[][] userFactors = new double[userItems.size()][f];
        double[][] itemFactors = new double[itemCount][f];
        for (double[] row : itemFactors) {
            for (int c = 0; c < f; c++) {
                row[c] = random.nextGaussian() * 0.01;
            }
        }
        Solver solver = new Solver(f, settings.regularisation(), settings.alpha());
        for (int iteration = 0; iteration < settings.iterations() && itemCount > 0; iteration++) {
            DMatrixRMaj itemGram = gramOf(itemFactors, f);
            for (int u = 0; u < userFactors.length; u++) {
                solver.solve(itemGram, itemFactors, userItems.get(u), userWeights.get(u), userFactors[u]);
            }
            DMatrixRMaj userGram = gramOf(userFactors, f);
            for (int i = 0; i < itemCount; i++) {
                solver.solve(userGram, userFactors, itemUsers[i], itemWeights[i], itemFactors[i]);
            }
        }
        return new AlsModel(
                index,
                items.toArray(String[]::new),
                itemFactors,
                gramOf(itemFactors, f),
                settings.regularisation(),
                settings.alpha());
    }

    /**
     * Items by predicted preference for a weighted history, the user's factors folded in by one
     * least-squares solve against the item factors, so a user unknown at training time is served too.
     */
    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        List<Map.Entry<String, Double>> known = userItemWeights.entrySet().stream()
                .filter(entry -> entry.getValue() > 0 && index.containsKey(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (known.isEmpty()) {
            return List.of();
        }
        int[] kept = new int[known.size()];
        double[] weights = new double[known.size()];
        for (int x = 0; x < kept.length; x++) {
            kept[x] = index.get(known.get(x).getKey());
            weights[x] = known.get(x).getValue();
        }
        int f = gram.numRows;
        double[] factors = new double[f];
        new Solver(f, regularisation, alpha).solve(gram, itemFactors, kept, weights, factors);
        double[] scores = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            scores[i] = dot(factors, itemFactors[i]);
        }
        return best(scores, item -> exclude.contains(item) || userItemWeights.containsKey(item), false, n);
    }

    /** The items whose factors point the same way as this one's (cosine). */
    public List<ScoredItem> similar(String itemId, Set<String> exclude, int n) {
        Integer i = index.get(itemId);
        if (i == null || itemNorms[i] == 0) {
            return List.of();
        }
        double[] scores = new double[items.length];
        for (int j = 0; j < items.length; j++) {
            scores[j] = itemNorms[j] == 0 ? 0 : dot(itemFactors[i], itemFactors[j]) / (itemNorms[i] * itemNorms[j]);
        }
        return best(scores, item -> item.equals(itemId) || exclude.contains(item), true, n);
    }

    public int itemCount() {
        return items.length;
    }

    private List<ScoredItem> best(double[] scores, Predicate<String> skip, boolean positiveOnly, int n) {
        List<ScoredItem> scored = new ArrayList<>();
        for (int j = 0; j < scores.length; j++) {
            if ((!positiveOnly || scores[j] > 0) && !skip.test(items[j])) {
                scored.add(new ScoredItem(items[j], scores[j]));
            }
        }
        scored.sort(ItemCfModel.BY_SCORE_DESC);
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    private static DMatrixRMaj gramOf(double[][] factors, int f) {
        DMatrixRMaj matrix = new DMatrixRMaj(factors.length, f);
        for (int r = 0; r < factors.length; r++) {
            System.arraycopy(factors[r], 0, matrix.data, r * f, f);
        }
        DMatrixRMaj gram = new DMatrixRMaj(f, f);
        CommonOps_DDRM.multInner(matrix, gram);
        return gram;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < b.length; c++) {
            sum += a[c] * b[c];
        }
        return sum;
    }

    /** One row's ridge system, reusing its buffers across the rows of a half-step. */
    private static final class Solver {

        private final int f;
        private final double regularisation;
        private final double alpha;
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj x;
        private final LinearSolverDense<DMatrixRMaj> cholesky;

        Solver(int f, double regularisation, double alpha) {
            this.f = f;
            this.regularisation = regularisation;
            this.alpha = alpha;
            this.a = new DMatrixRMaj(f, f);
            this.b = new DMatrixRMaj(f, 1);
            this.x = new DMatrixRMaj(f, 1);
            this.cholesky = LinearSolverFactory_DDRM.symmPosDef(f);
        }

        /** Writes into {@code out} the factors fitting preference 1 on {@code rows}, 0 on all others. */
        void solve(DMatrixRMaj gram, double[][] other, int[] rows, double[] weights, double[] out) {
            if (rows.length == 0) {
                Arrays.fill(out, 0);
                return;
            }
            double[] m = a.data;
            System.arraycopy(gram.data, 0, m, 0, f * f);
            Arrays.fill(b.data, 0);
            for (int k = 0; k < rows.length; k++) {
                double[] y = other[rows[k]];
                double confidence = 1 + alpha * weights[k];
                double extra = confidence - 1;
                for (int c = 0; c < f; c++) {
                    double yc = extra * y[c];
                    b.data[c] += confidence * y[c];
                    // upper triangle only; mirrored below
                    int row = c * f;
                    for (int d = c; d < f; d++) {
                        m[row + d] += yc * y[d];
                    }
                }
            }
            for (int c = 0; c < f; c++) {
                m[c * f + c] += regularisation;
                for (int d = c + 1; d < f; d++) {
                    m[d * f + c] = m[c * f + d];
                }
            }
            if (!cholesky.setA(a)) {
                throw new IllegalStateException("the regularised ALS system is not positive definite");
            }
            cholesky.solve(b, x);
            System.arraycopy(x.data, 0, out, 0, f);
        }
    }
}

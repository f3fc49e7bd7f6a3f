package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Matrix factorisation with biases for explicit ratings (Funk / Koren "SVD"): rating = mean + user bias +
 * item bias + user factors . item factors, fitted by stochastic gradient descent on the observed ratings
 * only. Written by hand: the Java numeric libraries on offer (EJML, Commons Math) factor dense matrices,
 * which would treat every unrated cell as a zero rating; the SGD loop over observed cells is short.
 */
public final class BiasedMfModel {

    /** Training settings; {@link #DEFAULTS} are tuned on MovieLens 100K. */
    public record Settings(
            int factors,
            int epochs,
            double learningRate,
            double regularisation,
            double biasRegularisation,
            double initScale,
            long seed) {
        public static final Settings DEFAULTS = new Settings(100, 60, 0.007, 0.1, 0.01, 0.05, 42);
    }

    private final double mean;
    private final Map<String, Integer> users;
    private final Map<String, Integer> itemIndex;
    private final String[] items;
    private final double[] userBias;
    private final double[] itemBias;
    private final double[][] userFactors;
    private final double[][] itemFactors;
    private final double regularisation;
    private final double minRating;
    private final double maxRating;

    private BiasedMfModel(
            double mean,
            Map<String, Integer> users,
            Map<String, Integer> itemIndex,
            String[] items,
            double[] userBias,
            double[] itemBias,
            double[][] userFactors,
            double[][] itemFactors,
            double regularisation,
            double minRating,
            double maxRating) {
        this.mean = mean;
        this.users = users;
        this.itemIndex = itemIndex;
        this.items = items;
        this.userBias = userBias;
        this.itemBias = itemBias;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.regularisation = regularisation;
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    /** @param ratings one signal per rating, the weight being the rating */
    public static BiasedMfModel train(Collection<Signal> ratings, Settings settings) {
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        List<String> items = new ArrayList<>();
        int size = ratings.size();
        int[] u = new int[size];
        int[] i = new int[size];
        double[] r = new double[size];
        double sum = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        int k = 0;
        for (Signal rating : ratings) {
            u[k] = users.computeIfAbsent(rating.userId(), id -> users.size());
            i[k] = itemIndex.computeIfAbsent(rating.itemId(), id -> {
                items.add(id);
                return items.size() - 1;
            });
            r[k] = rating.weight();
            sum += r[k];
            min = Math.min(min, r[k]);
            max = Math.max(max, r[k]);
            k++;
        }
        double mean = size == 0 ? 0 : sum / size;
        int f = settings.factors();
        Random random = new Random(settings.seed());
        double[] bu = new double[users.size()];
        double[] bi = new double[items.size()];
        double[][] p = gaussian(users.size(), f, settings.initScale(), random);
        double[][] q = gaussian(items.size(), f, settings.initScale(), random);
        int[] order = new int[size];
        for (int x = 0; x < size; x++) {
            order[x] = x;
        }
        double lr = settings.learningRate();
        double reg = settings.regularisation();
        double biasReg = settings.biasRegularisation();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int x : order) {
                double[] pu = p[u[x]];
                double[] qi = q[i[x]];
                double error = r[x] - (mean + bu[u[x]] + bi[i[x]] + dot(pu, qi));
                bu[u[x]] += lr * (error - biasReg * bu[u[x]]);
                bi[i[x]] += lr * (error - biasReg * bi[i[x]]);
                for (int c = 0; c < f; c++) {
                    double puc = pu[c];
                    pu[c] += lr * (error * qi[c] - reg * puc);
                    qi[c] += lr * (error * puc - reg * qi[c]);
                }
            }
        }
        return new BiasedMfModel(mean, users, itemIndex, items.toArray(String[]::new), bu, bi, p, q, reg, min, max);
    }

    /** Predicted rating, clipped to the range seen in training; unknown users or items fall back to biases. */
    public double predict(String userId, String itemId) {
        Integer user = users.get(userId);
        Integer item = itemIndex.get(itemId);
        double prediction = mean;
        if (user != null) {
            prediction += userBias[user];
        }
        if (item != null) {
            prediction += itemBias[item];
        }
        if (user != null && item != null) {
            prediction += dot(userFactors[user], itemFactors[item]);
        }
        return Math.clamp(prediction, minRating, maxRating);
    }

    /**
     * Items by predicted rating for a history of ratings: the user's factors are folded in by ridge
     * regression of the ratings (minus mean and item biases) on the item factors, so a user unknown at
     * training time is served too.
     */
    public List<ScoredItem> recommend(Map<String, Double> userItemWeights, Set<String> exclude, int n) {
        List<Integer> known = new ArrayList<>();
        List<Double> residuals = new ArrayList<>();
        userItemWeights.forEach((item, rating) -> {
            Integer index = itemIndex.get(item);
            if (index != null) {
                known.add(index);
                residuals.add(rating - mean - itemBias[index]);
            }
        });
        if (known.isEmpty()) {
            return List.of();
        }
        int f = itemFactors[0].length;
        DMatrixRMaj a = new DMatrixRMaj(f, f);
        DMatrixRMaj b = new DMatrixRMaj(f, 1);
        for (int x = 0; x < known.size(); x++) {
            double[] q = itemFactors[known.get(x)];
            for (int c = 0; c < f; c++) {
                b.data[c] += q[c] * residuals.get(x);
                for (int d = 0; d < f; d++) {
                    a.data[c * f + d] += q[c] * q[d];
                }
            }
        }
        for (int c = 0; c < f; c++) {
            a.data[c * f + c] += regularisation * known.size() + 1e-9;
        }
        DMatrixRMaj factors = new DMatrixRMaj(f, 1);
        if (!CommonOps_DDRM.solve(a, b, factors)) {
            return List.of();
        }
        Map<String, Double> scores = new HashMap<>();
        for (int item = 0; item < items.length; item++) {
            if (!exclude.contains(items[item]) && !userItemWeights.containsKey(items[item])) {
                scores.put(items[item], mean + itemBias[item] + dot(factors.data, itemFactors[item]));
            }
        }
        return ItemCfModel.top(scores, n);
    }

    public int itemCount() {
        return items.length;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < b.length; c++) {
            sum += a[c] * b[c];
        }
        return sum;
    }

    private static double[][] gaussian(int rows, int columns, double scale, Random random) {
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian() * scale;
            }
        }
        return matrix;
    }

    private static void shuffle(int[] order, Random random) {
        for (int x = order.length - 1; x > 0; x--) {
            int y = random.nextInt(x + 1);
            int swap = order[x];
            order[x] = order[y];
            order[y] = swap;
        }
    }
}

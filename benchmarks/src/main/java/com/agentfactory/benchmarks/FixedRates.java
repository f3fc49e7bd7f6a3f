package com.agentfactory.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed rates a target is measured at. The run's shared rates (half the supervisor's maximum, {@code --low-rate})
 * suit the fast targets; a slow one (a support reply runs a model per request) would only queue up at them and report
 * its backlog as latency, so where a shared rate is above half of the target's own maximum, half of that maximum
 * replaces it.
 */
record FixedRates(List<Double> shared) {

    /** The target's rates: the shared ones it can take, and its own instead of those it cannot. */
    List<Double> forTarget(double ownMaximum) {
        double own = ownRate(ownMaximum);
        List<Double> rates = new ArrayList<>();
        for (double rate : shared) {
            double chosen = rate <= own ? rate : own;
            if (!rates.contains(chosen)) {
                rates.add(chosen);
            }
        }
        return List.copyOf(rates);
    }

    /** The targets' own rates, those none of the shared ones: the ceiling is measured at them too. */
    static List<Double> ownRates(List<Double> chosen, List<Double> shared) {
        return chosen.stream().filter(rate -> !shared.contains(rate)).distinct().toList();
    }

    /** Half the maximum, in round numbers (tens above 100/s), at least 1/s so that a phase still runs. */
    static double ownRate(double ownMaximum) {
        double half = ownMaximum / 2;
        double rounded = half >= 100 ? Math.floor(half / 10) * 10 : Math.floor(half);
        return Math.max(1, rounded);
    }
}

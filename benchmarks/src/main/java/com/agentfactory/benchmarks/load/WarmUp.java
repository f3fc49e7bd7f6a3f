package com.agentfactory.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a target's JVM to its compiled steady state before anything is measured: closed-loop slices until two
 * slices in a row agree within a tolerance (or a time cap is reached). A freshly started Spring service spends
 * its first minute of load in the JIT compiler and in interpreted code (a flight recording of the supervisor's
 * first 40 s of load showed more compiler time than wall time and 16% of samples in interpreted frames), so a
 * fixed few seconds of warm-up measured the JVM's warm-up rather than the request's cost. Each slice's throughput
 * is kept, so the cold figures stay visible next to the measured ones.
 */
public final class WarmUp {

    static final int STEADY_SLICES = 3;

    private WarmUp() {}

    /** Throughput of each warm-up slice, in order; the last one is what the target settled at. */
    public record Result(List<Double> sliceThroughputs, boolean steady) {

        public double first() {
            return sliceThroughputs.isEmpty() ? 0 : sliceThroughputs.getFirst();
        }

        public double last() {
            return sliceThroughputs.isEmpty() ? 0 : sliceThroughputs.getLast();
        }

        public Duration length(Duration slice) {
            return slice.multipliedBy(sliceThroughputs.size());
        }
    }

    public static Result untilSteady(LoadTarget target, int workers, Duration slice, Duration cap, double tolerance) {
        List<Double> throughputs = new ArrayList<>();
        long slices = Math.max(STEADY_SLICES, cap.toNanos() / slice.toNanos());
        for (int i = 0; i < slices; i++) {
            throughputs.add(
                    ClosedLoop.run(target, workers, Duration.ZERO, slice).throughput());
            if (isSteady(throughputs, tolerance)) {
                return new Result(List.copyOf(throughputs), true);
            }
        }
        return new Result(List.copyOf(throughputs), false);
    }

    /**
     * Steady once the last three slices lie within {@code tolerance} of the largest of them and the last is not below
     * the best slice so far by more than that (a dip after a peak is a pause, not the plateau). Two slices were not
     * enough: a gateway still compiling gave 54 and 50 req/s before reaching 300.
     */
    static boolean isSteady(List<Double> throughputs, double tolerance) {
        int n = throughputs.size();
        if (n < STEADY_SLICES) {
            return false;
        }
        List<Double> recent = throughputs.subList(n - STEADY_SLICES, n);
        double high = recent.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double low = recent.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        if (high <= 0) {
            return false;
        }
        double best =
                throughputs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return high - low <= tolerance * high && throughputs.get(n - 1) >= (1 - tolerance) * best;
    }
}

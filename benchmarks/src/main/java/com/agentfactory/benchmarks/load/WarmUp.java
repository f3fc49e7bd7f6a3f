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
        long slices = Math.max(2, cap.toNanos() / slice.toNanos());
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
     * Steady once the last two slices differ by at most {@code tolerance} of the larger one and the last is not
     * below the best slice so far by more than that (a dip after a peak is a pause, not the plateau).
     */
    static boolean isSteady(List<Double> throughputs, double tolerance) {
        int n = throughputs.size();
        if (n < 2) {
            return false;
        }
        double last = throughputs.get(n - 1);
        double previous = throughputs.get(n - 2);
        double larger = Math.max(last, previous);
        if (larger <= 0) {
            return false;
        }
        double best =
                throughputs.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return Math.abs(last - previous) <= tolerance * larger && last >= (1 - tolerance) * best;
    }
}

package com.agentfactory.benchmarks.load;

/** When the i-th request of an open-loop run is due: evenly spaced at a fixed rate from a start instant. */
public record FixedRateSchedule(long startNanos, double ratePerSecond) {

    public FixedRateSchedule {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
    }

    public long intendedNanos(long index) {
        return startNanos + (long) (index * 1e9 / ratePerSecond);
    }

    /** How many requests are due before the instant (exclusive). */
    public long dueBefore(long nanos) {
        if (nanos <= startNanos) {
            return 0;
        }
        long count = (long) Math.ceil((nanos - startNanos) * ratePerSecond / 1e9);
        // correct the floating-point edge so that intendedNanos(count - 1) < nanos <= intendedNanos(count)
        while (count > 0 && intendedNanos(count - 1) >= nanos) {
            count--;
        }
        while (intendedNanos(count) < nanos) {
            count++;
        }
        return count;
    }
}

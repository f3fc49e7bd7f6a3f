package com.agentfactory.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one load phase counts: 2xx responses (with their latency), other statuses and I/O errors, each
 * separately, for requests that belong to the measurement window. Closed loop counts a request by when it
 * completed (throughput); open loop by when it was scheduled to be sent, and its latency starts at that
 * scheduled time, not at the actual send, so a stalled server cannot hide its queue (coordinated omission).
 * Times are {@link System#nanoTime()} values; latencies are kept in microseconds.
 */
public final class Measurement {

    /** Which instant decides whether a request falls in the window. */
    public enum Rule {
        BY_COMPLETION,
        BY_INTENDED_START
    }

    private final long windowStart;
    private final long windowEnd;
    private final Rule rule;
    private final Histogram latencies = new ConcurrentHistogram(3);
    private final LongAdder ok = new LongAdder();
    private final LongAdder non2xx = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();

    public Measurement(long windowStartNanos, long windowEndNanos, Rule rule) {
        if (windowEndNanos <= windowStartNanos) {
            throw new IllegalArgumentException("empty measurement window");
        }
        this.windowStart = windowStartNanos;
        this.windowEnd = windowEndNanos;
        this.rule = rule;
    }

    /** A response arrived: {@code startNanos} is the (intended) send time. */
    public void response(long startNanos, long completedNanos, int status) {
        if (!counts(startNanos, completedNanos)) {
            return;
        }
        if (status >= 200 && status < 300) {
            ok.increment();
            latencies.recordValue(Math.max(0, (completedNanos - startNanos) / 1_000));
        } else {
            non2xx.increment();
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    /** The request failed without a response (connection refused or reset, timeout, never finished). */
    public void error(long startNanos, long completedNanos) {
        if (counts(startNanos, completedNanos)) {
            errors.increment();
        }
    }

    /** Requests that were due in the window but were never accounted for (open loop, cut off at the end). */
    public void unfinished(long count) {
        errors.add(Math.max(0, count));
    }

    public long accounted() {
        return ok.sum() + non2xx.sum() + errors.sum();
    }

    private boolean counts(long startNanos, long completedNanos) {
        long instant = rule == Rule.BY_COMPLETION ? completedNanos : startNanos;
        return instant >= windowStart && instant < windowEnd;
    }

    public Summary summary() {
        double seconds = (windowEnd - windowStart) / 1e9;
        Histogram copy = latencies.copy();
        boolean empty = copy.getTotalCount() == 0;
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Summary(
                ok.sum(),
                non2xx.sum(),
                errors.sum(),
                seconds,
                ok.sum() / seconds,
                empty ? Double.NaN : copy.getValueAtPercentile(50) / 1_000.0,
                empty ? Double.NaN : copy.getValueAtPercentile(90) / 1_000.0,
                empty ? Double.NaN : copy.getValueAtPercentile(99) / 1_000.0,
                empty ? Double.NaN : copy.getMaxValue() / 1_000.0,
                byStatus);
    }

    /**
     * @param throughput 2xx responses per second of the window
     * @param p50Millis latency percentiles of the 2xx responses, in milliseconds
     */
    public record Summary(
            long ok,
            long non2xx,
            long errors,
            double seconds,
            double throughput,
            double p50Millis,
            double p90Millis,
            double p99Millis,
            double maxMillis,
            Map<Integer, Long> non2xxByStatus) {

        public boolean clean() {
            return non2xx == 0 && errors == 0;
        }
    }
}

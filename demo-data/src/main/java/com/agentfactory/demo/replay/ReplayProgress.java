package com.agentfactory.demo.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of a replay, printed on a timer rather than per batch so a slow or retrying platform still shows signs of
 * life.
 */
public final class ReplayProgress implements AutoCloseable {

    final AtomicLong linesRead = new AtomicLong();
    final AtomicLong skippedLines = new AtomicLong();
    final AtomicLong eventsTotal = new AtomicLong();
    final AtomicLong eventsSent = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong retries = new AtomicLong();

    private final long startedNanos = System.nanoTime();
    private ScheduledExecutorService timer;

    public void startPrinting(PrintStream out, Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replay-progress");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleAtFixedRate(() -> out.println(line()), millis, millis, TimeUnit.MILLISECONDS);
    }

    public String line() {
        return String.format(
                Locale.ROOT,
                "progress: lines read %d, events sent %d/%d, accepted %d, duplicates %d, rejected %d, retries %d, %.0f events/s",
                linesRead.get(),
                eventsSent.get(),
                eventsTotal.get(),
                accepted.get(),
                duplicates.get(),
                rejected.get(),
                retries.get(),
                rate());
    }

    public String summary(boolean aborted) {
        return String.format(
                Locale.ROOT,
                "replay %s: lines read %d, skipped lines %d, events %d, sent %d, accepted %d, duplicates %d, rejected %d, retries %d, %.1f s, %.0f events/s",
                aborted ? "ABORTED" : rejected.get() > 0 ? "FINISHED WITH REJECTIONS" : "finished",
                linesRead.get(),
                skippedLines.get(),
                eventsTotal.get(),
                eventsSent.get(),
                accepted.get(),
                duplicates.get(),
                rejected.get(),
                retries.get(),
                elapsedSeconds(),
                rate());
    }

    public long accepted() {
        return accepted.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public long eventsSent() {
        return eventsSent.get();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private double rate() {
        double seconds = elapsedSeconds();
        return seconds <= 0 ? 0 : eventsSent.get() / seconds;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

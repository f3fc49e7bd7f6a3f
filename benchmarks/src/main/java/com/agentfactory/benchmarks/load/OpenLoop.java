package com.agentfactory.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Latency at a fixed rate: a scheduler thread releases request i at start + i/rate whatever the server does;
 * each request runs on its own virtual thread and borrows a keep-alive connection from a bounded pool. Its
 * latency is measured from its scheduled send time, so waiting for a connection or for a late scheduler
 * counts (no coordinated omission). Requests due during the warm-up are not counted; requests still open
 * after the drain timeout count as errors.
 */
public final class OpenLoop {

    private OpenLoop() {}

    public static Measurement.Summary run(
            LoadTarget target,
            double ratePerSecond,
            Duration warmUp,
            Duration measured,
            int maxConnections,
            Duration drainTimeout) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measureStart = start + warmUp.toNanos();
        long end = measureStart + measured.toNanos();
        FixedRateSchedule schedule = new FixedRateSchedule(start, ratePerSecond);
        Measurement measurement = new Measurement(measureStart, end, Measurement.Rule.BY_INTENDED_START);
        Pool pool = new Pool(target, maxConnections);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Thread scheduler = Thread.ofPlatform().name("loadgen-scheduler").start(() -> {
            for (long i = 0; ; i++) {
                long intended = schedule.intendedNanos(i);
                if (intended >= end) {
                    return;
                }
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                executor.execute(() -> send(pool, target, measurement, intended));
            }
        });
        try {
            scheduler.join();
            executor.shutdown();
            if (!executor.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.close();
        }
        long due = schedule.dueBefore(end) - schedule.dueBefore(measureStart);
        measurement.unfinished(due - measurement.accounted());
        return measurement.summary();
    }

    private static void send(Pool pool, LoadTarget target, Measurement measurement, long intended) {
        HttpConnection connection = null;
        try {
            connection = pool.acquire();
            int status = connection.exchange(target.nextRequest());
            measurement.response(intended, System.nanoTime(), status);
            pool.release(connection.reusable() ? connection : null, connection);
        } catch (IOException | RuntimeException e) {
            measurement.error(intended, System.nanoTime());
            pool.release(null, connection);
        } catch (InterruptedException e) {
            measurement.error(intended, System.nanoTime());
            pool.release(null, connection);
            Thread.currentThread().interrupt();
        }
    }

    /** At most {@code max} open connections; idle ones are reused, new ones opened on demand. */
    private static final class Pool {

        private final LoadTarget target;
        private final Semaphore permits;
        private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();

        Pool(LoadTarget target, int max) {
            this.target = target;
            this.permits = new Semaphore(max, true);
        }

        HttpConnection acquire() throws IOException, InterruptedException {
            permits.acquire();
            HttpConnection connection = idle.pollFirst();
            if (connection != null) {
                return connection;
            }
            try {
                return HttpConnection.open(target.host(), target.port());
            } catch (IOException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        /** Gives the permit back; {@code keep} goes back to the idle list, otherwise {@code used} is closed. */
        void release(HttpConnection keep, HttpConnection used) {
            if (used == null) {
                return; // acquire failed and gave the permit back itself
            }
            if (keep != null) {
                idle.offerFirst(keep);
            } else {
                used.close();
            }
            permits.release();
        }

        void close() {
            for (HttpConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
                connection.close();
            }
        }
    }
}

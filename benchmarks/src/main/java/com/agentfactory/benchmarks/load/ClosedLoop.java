package com.agentfactory.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Maximum throughput: N workers (virtual threads), each with its own keep-alive connection, send the next
 * request as soon as the previous answer arrived. Only responses completed after the warm-up count.
 */
public final class ClosedLoop {

    private ClosedLoop() {}

    public static Measurement.Summary run(LoadTarget target, int workers, Duration warmUp, Duration measured) {
        long measureStart = System.nanoTime() + warmUp.toNanos();
        long end = measureStart + measured.toNanos();
        Measurement measurement = new Measurement(measureStart, end, Measurement.Rule.BY_COMPLETION);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < workers; i++) {
                executor.execute(() -> work(target, measurement, end));
            }
        }
        return measurement.summary();
    }

    private static void work(LoadTarget target, Measurement measurement, long end) {
        HttpConnection connection = null;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            try {
                if (connection == null) {
                    connection = HttpConnection.open(target.host(), target.port());
                }
                int status = connection.exchange(target.nextRequest());
                measurement.response(start, System.nanoTime(), status);
                if (!connection.reusable()) {
                    connection.close();
                    connection = null;
                }
            } catch (IOException | RuntimeException e) {
                measurement.error(start, System.nanoTime());
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                pause();
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5); // after a failure, do not spin on a server that refuses connections
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.agentfactory.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The supervisor's database pool while one load phase runs, from Hikari's gauges on its actuator every 200 ms: the
 * most connections in use and the most requests waiting for one, i.e. the pool's measured need at that load. A
 * gauge read between two samples can miss a shorter peak.
 */
final class PoolSampler {

    /** What one phase used of a pool of {@code maximum} connections; -1 where the gauge could not be read. */
    record PoolUse(int maximum, int mostActive, int mostPending) {}

    /** A phase's own result with the pool's use beside it. */
    record Sampled<T>(T result, PoolUse pool) {}

    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([-0-9.Ee+]+)");

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    PoolSampler(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    <T> Sampled<T> during(Callable<T> phase) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger active = new AtomicInteger(-1);
        AtomicInteger pending = new AtomicInteger(-1);
        Thread sampler = Thread.ofVirtual().name("pool-sampler").start(() -> {
            while (running.get()) {
                gauge("hikaricp.connections.active").ifPresent(value -> active.accumulateAndGet(value, Math::max));
                gauge("hikaricp.connections.pending").ifPresent(value -> pending.accumulateAndGet(value, Math::max));
                try {
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            T result = phase.call();
            return new Sampled<>(
                    result, new PoolUse(gauge("hikaricp.connections.max").orElse(-1), active.get(), pending.get()));
        } finally {
            running.set(false);
            sampler.join();
        }
    }

    private OptionalInt gauge(String name) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + name))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = VALUE.matcher(response.body());
            return response.statusCode() == 200 && value.find()
                    ? OptionalInt.of((int) Math.round(Double.parseDouble(value.group(1))))
                    : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }
}

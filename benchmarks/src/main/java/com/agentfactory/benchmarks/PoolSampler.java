package com.agentfactory.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The supervisor's database pool while one load phase runs, from Hikari's gauges in its Prometheus scrape (the
 * endpoint every service serves without a token) every 500 ms: the most connections in use and the most requests
 * waiting for one, i.e. the pool's measured need at that load. A gauge read between two samples can miss a shorter
 * peak; each scrape costs the supervisor a few milliseconds of CPU.
 */
final class PoolSampler {

    /** What one phase used of a pool of {@code maximum} connections; -1 where the gauge could not be read. */
    record PoolUse(int maximum, int mostActive, int mostPending) {}

    /** A phase's own result with the pool's use beside it. */
    record Sampled<T>(T result, PoolUse pool) {}

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final HttpClient http;
    private final String baseUrl;

    PoolSampler(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    <T> Sampled<T> during(Callable<T> phase) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger active = new AtomicInteger(-1);
        AtomicInteger pending = new AtomicInteger(-1);
        AtomicInteger maximum = new AtomicInteger(-1);
        Thread sampler = Thread.ofVirtual().name("pool-sampler").start(() -> {
            while (running.get()) {
                PrometheusScrape.read(http, baseUrl).ifPresent(scrape -> {
                    PrometheusScrape.gauge(scrape, "hikaricp_connections_active")
                            .ifPresent(value -> active.accumulateAndGet(value, Math::max));
                    PrometheusScrape.gauge(scrape, "hikaricp_connections_pending")
                            .ifPresent(value -> pending.accumulateAndGet(value, Math::max));
                    PrometheusScrape.gauge(scrape, "hikaricp_connections_max").ifPresent(maximum::set);
                });
                try {
                    Thread.sleep(INTERVAL);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        T result;
        try {
            result = phase.call();
        } finally {
            running.set(false);
            sampler.join();
        }
        return new Sampled<>(result, new PoolUse(maximum.get(), active.get(), pending.get()));
    }
}

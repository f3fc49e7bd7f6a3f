package com.agentfactory.campaign.polling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A worker on its own thread that runs batches every poll interval, and at once again while a batch comes back
 * full (more rows are due). A failed tick is logged and tried again at the next one; stopping waits for the
 * running batch to finish.
 */
public abstract class BatchPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchPoller.class);

    private final String name;
    private ScheduledExecutorService executor;

    protected BatchPoller(String name) {
        this.name = name;
    }

    protected abstract boolean enabled();

    protected abstract Duration pollInterval();

    protected abstract int batchSize();

    /** Claims and handles up to {@link #batchSize()} due rows; answers how many it claimed. */
    protected abstract int runBatch();

    /** Work done once per tick before the batches. */
    protected void beforeBatches() {}

    private void tick() {
        try {
            beforeBatches();
            while (runBatch() == batchSize()) {
                // a full batch means more are due: go on without waiting for the next tick
            }
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again next tick", name, e);
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        executor.scheduleWithFixedDelay(this::tick, 0, pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

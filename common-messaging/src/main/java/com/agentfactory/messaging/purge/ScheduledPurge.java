package com.agentfactory.messaging.purge;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A purge run on a thread of its own from the application's start to its stop: a minute after the start, then every
 * interval. Subclasses say what one pass deletes.
 */
public abstract class ScheduledPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPurge.class);

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    protected ScheduledPurge(String threadName, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.threadName = threadName;
        this.interval = interval;
    }

    /** One pass of the purge; returns how many rows it deleted. */
    protected abstract int purge();

    private void runPass() {
        try {
            purge();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log it and let the next pass try
            log.warn("{} failed: {}", threadName, e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon(true).factory());
        // a minute after the start rather than a whole interval: a service redeployed more often than that would
        // otherwise never purge
        long first = Math.min(Duration.ofMinutes(1).toMillis(), interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::runPass, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}

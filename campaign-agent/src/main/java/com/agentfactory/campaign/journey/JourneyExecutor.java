package com.agentfactory.campaign.journey;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls for due enrolments and date triggers. The timers are the enrolment rows themselves (the project's own
 * table rather than a scheduler library): the step advance, the send record and the next due time must commit
 * in one transaction with the claim, and a row per enrolment claimed in batches with FOR UPDATE SKIP LOCKED
 * gives that, survives restarts and lets several instances share the work.
 */
@Component
class JourneyExecutor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JourneyExecutor.class);

    private final JourneyRunner runner;
    private final JourneyTriggers triggers;
    private final JourneyProperties properties;
    private ScheduledExecutorService executor;

    JourneyExecutor(JourneyRunner runner, JourneyTriggers triggers, JourneyProperties properties) {
        this.runner = runner;
        this.triggers = triggers;
        this.properties = properties;
    }

    private void tick() {
        try {
            triggers.fireDateTriggers();
            while (runner.runDue(properties.batchSize()).claimed() == properties.batchSize()) {
                // a full batch means more are due: go on without waiting for the next tick
            }
        } catch (RuntimeException e) {
            log.warn("Running due journey steps failed; trying again next tick", e);
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.executorEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("journey-executor").daemon().factory());
        executor.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
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

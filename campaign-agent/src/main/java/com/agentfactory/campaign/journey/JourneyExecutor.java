package com.agentfactory.campaign.journey;

import com.agentfactory.campaign.polling.BatchPoller;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Polls for due enrolments and date triggers. The timers are the enrolment rows themselves (the project's own
 * table rather than a scheduler library): the step advance, the send record and the next due time must commit
 * in one transaction with the claim, and a row per enrolment claimed in batches with FOR UPDATE SKIP LOCKED
 * gives that, survives restarts and lets several instances share the work.
 */
@Component
class JourneyExecutor extends BatchPoller {

    private final JourneyRunner runner;
    private final JourneyTriggers triggers;
    private final JourneyProperties properties;

    JourneyExecutor(JourneyRunner runner, JourneyTriggers triggers, JourneyProperties properties) {
        super("journey-executor");
        this.runner = runner;
        this.triggers = triggers;
        this.properties = properties;
    }

    @Override
    protected boolean enabled() {
        return properties.executorEnabled();
    }

    @Override
    protected Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    protected int batchSize() {
        return properties.batchSize();
    }

    @Override
    protected void beforeBatches() {
        triggers.fireDateTriggers();
    }

    @Override
    protected int runBatch() {
        return runner.runDue(properties.batchSize()).claimed();
    }
}

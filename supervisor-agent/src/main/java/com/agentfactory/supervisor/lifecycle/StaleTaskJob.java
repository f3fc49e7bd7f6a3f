package com.agentfactory.supervisor.lifecycle;

import com.agentfactory.supervisor.task.TaskLifecycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands to a person the tasks nothing has been heard of for too long while an agent held them: a final report that
 * went to the dead letters, or an agent that died after its runtime took the task, would otherwise leave them open for
 * good. Safe to run on every instance: each batch locks its rows with SKIP LOCKED.
 */
@Component
class StaleTaskJob {

    private static final Logger log = LoggerFactory.getLogger(StaleTaskJob.class);
    private static final int BATCH = 500;

    private final TaskLifecycleService lifecycle;
    private final TransactionTemplate transactions;
    private final StaleTaskProperties properties;

    StaleTaskJob(TaskLifecycleService lifecycle, TransactionTemplate transactions, StaleTaskProperties properties) {
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${agentfactory.lifecycle.stale-task.interval:1m}", initialDelay = 2_000)
    void escalateStaleTasks() {
        try {
            Integer escalated;
            do {
                escalated = transactions.execute(status -> lifecycle.escalateStale(properties.after(), BATCH));
                if (escalated != null && escalated > 0) {
                    log.warn("Escalated {} task(s) nothing was heard of for {}", escalated, properties.after());
                }
            } while (escalated != null && escalated == BATCH);
        } catch (RuntimeException e) {
            log.warn("Stale task pass failed: {}", e.getMessage());
        }
    }
}

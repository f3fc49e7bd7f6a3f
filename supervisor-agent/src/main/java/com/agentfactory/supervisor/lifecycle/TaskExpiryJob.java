package com.agentfactory.supervisor.lifecycle;

import com.agentfactory.supervisor.task.TaskLifecycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks tasks EXPIRED when expires_at passes before an agent starts them; safe to run on every instance. */
@Component
class TaskExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(TaskExpiryJob.class);
    private static final int BATCH = 500;

    private final TaskLifecycleService lifecycle;
    private final TransactionTemplate transactions;

    TaskExpiryJob(TaskLifecycleService lifecycle, TransactionTemplate transactions) {
        this.lifecycle = lifecycle;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${agentfactory.lifecycle.expiry-interval:1s}")
    void expireDueTasks() {
        try {
            Integer expired;
            do {
                expired = transactions.execute(status -> lifecycle.expireDue(BATCH));
                if (expired != null && expired > 0) {
                    log.info("Expired {} task(s) whose expires_at passed", expired);
                }
            } while (expired != null && expired == BATCH);
        } catch (RuntimeException e) {
            log.warn("Task expiry pass failed: {}", e.getMessage());
        }
    }
}

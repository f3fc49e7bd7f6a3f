package com.agentfactory.inventory.support;

import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.runtime.TaskContext;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a task handler as the agent runtime does: inside one transaction that first claims the task's message, and
 * that rolls back, claim and all, when the handler throws.
 */
public final class TaskRuntimeTransaction {

    private final TransactionTemplate transaction;
    private final ProcessedMessages processed;

    public TaskRuntimeTransaction(PlatformTransactionManager transactionManager, ProcessedMessages processed) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.processed = processed;
    }

    public <O> O run(String taskType, Function<TaskContext, O> handler) {
        return run(UUID.randomUUID(), taskType, handler);
    }

    /** A delivery of the task {@code taskId}, as a message of its own: a redelivery is another message. */
    public <O> O run(UUID taskId, String taskType, Function<TaskContext, O> handler) {
        UUID messageId = UUID.randomUUID();
        TaskContext context =
                new TaskContext(taskId, taskType, 5, 1, UUID.randomUUID(), null, "agent:supervisor", percent -> {});
        return transaction.execute(status -> {
            if (!processed.claim(messageId, "inventory-agent-test")) {
                throw new IllegalStateException("message " + messageId + " claimed before");
            }
            return handler.apply(context);
        });
    }
}

package com.agentfactory.messaging.inbox;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs an effect once per message id and consumer, in one transaction with the claim. */
public class IdempotentConsumer {

    private final ProcessedMessages processed;
    private final TransactionTemplate transactions;

    public IdempotentConsumer(ProcessedMessages processed, TransactionTemplate transactions) {
        this.processed = processed;
        this.transactions = transactions;
    }

    /** The effect's result, or empty when the message was already handled. */
    public <T> Optional<T> handleOnce(UUID messageId, String consumer, Supplier<T> effect) {
        return Optional.ofNullable(transactions.execute(
                        status -> processed.claim(messageId, consumer) ? new Handled<>(effect.get()) : null))
                .map(Handled::value);
    }

    /** Runs the effect once; returns false when the message was a duplicate. */
    public boolean runOnce(UUID messageId, String consumer, Runnable effect) {
        return handleOnce(messageId, consumer, () -> {
                    effect.run();
                    return Boolean.TRUE;
                })
                .isPresent();
    }

    // wraps the effect's value so a null result still counts as handled
    private record Handled<T>(T value) {}
}

package com.agentfactory.messaging.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /**
     * Batch form of {@link #runOnce}: claims every message in one statement and hands the ones not handled before
     * (in their order, each id once) to the effect, all in one transaction. Returns how many were new.
     */
    public <M> int runOnceEach(
            List<M> messages, Function<M, UUID> messageId, String consumer, Consumer<List<M>> effect) {
        if (messages.isEmpty()) {
            return 0;
        }
        Integer applied = transactions.execute(status -> {
            Set<UUID> claimed =
                    processed.claimAll(messages.stream().map(messageId).toList(), consumer);
            Set<UUID> taken = new HashSet<>();
            List<M> fresh = messages.stream()
                    .filter(m -> claimed.contains(messageId.apply(m)) && taken.add(messageId.apply(m)))
                    .toList();
            if (!fresh.isEmpty()) {
                effect.accept(fresh);
            }
            return fresh.size();
        });
        return applied == null ? 0 : applied;
    }

    // wraps the effect's value so a null result still counts as handled
    private record Handled<T>(T value) {}
}

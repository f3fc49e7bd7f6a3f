package com.agentfactory.support.testdata;

import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's erasure, in one transaction as the privacy listener runs it, racing other work about the customer: the
 * erasure holds the customer's lock to its commit, so work that comes to it meanwhile waits for the erasure, and an
 * erasure that comes to a lock other work holds waits for that.
 */
public final class ErasureInProgress {

    private final PersonalDataHolder personalData;
    private final TransactionTemplate transactions;
    private final HeldTransaction held;

    ErasureInProgress(PersonalDataHolder personalData, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.personalData = personalData;
        this.transactions = transactions;
        this.held = new HeldTransaction(transactions, jdbc);
    }

    /**
     * Runs the call while the customer's erasure, done but not committed, holds their lock, and lets the erasure
     * commit once the call waits for it (or got through without waiting). What the call returned, once it is done.
     */
    public <T> T whileErasing(UUID customerId, Supplier<T> call) {
        return held.whileHolding(() -> personalData.erase(customerId), call);
    }

    /** As {@link #whileErasing(UUID, Supplier)}, for a call that returns nothing; returns once it is done. */
    public void whileErasing(UUID customerId, Runnable call) {
        held.whileHolding(() -> personalData.erase(customerId), call);
    }

    /**
     * Runs {@code holding} in a transaction, then starts the customer's erasure in one of its own, and lets the first
     * commit once the erasure waits for one of its locks (or got through without waiting). Returns once the erasure
     * has committed.
     */
    public void eraseWhile(Runnable holding, UUID customerId) {
        held.whileHolding(holding, () -> transactions.executeWithoutResult(erasure -> personalData.erase(customerId)));
    }
}

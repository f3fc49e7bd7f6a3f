package com.agentfactory.messaging.purge;

import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * One pass of a scheduled purge: deletes a batch, and again while a batch came back full, at most
 * {@link #MAX_BATCHES_PER_PASS} batches. A failure ends the pass with a warning; the next pass tries again.
 */
public final class BatchedPurge {

    // scheduled tasks usually share one thread: a first pass over a table that grew for months must not hold the
    // others back, so a pass stops after this many batches and the next carries on
    public static final int MAX_BATCHES_PER_PASS = 20;

    private BatchedPurge() {}

    /**
     * Runs {@code deleteBatch}, which deletes at most {@code batchSize} rows and returns how many it deleted, until a
     * batch comes back short or the pass has run its most batches; returns how many rows the pass deleted, those of
     * the batches before a failure included. A failure is logged on {@code log} as {@code what} not purged.
     */
    public static int pass(String what, int batchSize, IntSupplier deleteBatch, Logger log) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        int total = 0;
        try {
            int deleted;
            int batches = 0;
            do {
                deleted = deleteBatch.getAsInt();
                total += deleted;
            } while (deleted == batchSize && ++batches < MAX_BATCHES_PER_PASS);
        } catch (RuntimeException e) {
            // the next pass tries again
            log.warn("{} not purged: {}", what, e.getMessage());
        }
        return total;
    }
}

package com.agentfactory.demo.replay;

import java.util.ArrayList;
import java.util.List;

/** Splits events into request-sized batches, keeping their order so upserts still precede their users. */
public final class Batches {

    /** The platform rejects larger batches outright. */
    public static final int MAX_BATCH_SIZE = 500;

    private Batches() {}

    public static <T> List<List<T>> split(List<T> items, int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(
                    "batch size must be between 1 and " + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        List<List<T>> batches = new ArrayList<>((items.size() + batchSize - 1) / batchSize);
        for (int from = 0; from < items.size(); from += batchSize) {
            batches.add(items.subList(from, Math.min(items.size(), from + batchSize)));
        }
        return batches;
    }
}

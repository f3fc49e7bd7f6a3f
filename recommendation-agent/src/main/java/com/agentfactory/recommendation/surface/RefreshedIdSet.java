package com.agentfactory.recommendation.surface;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A set of ids held in memory and read again from the database at most every max age while it is asked for, so that
 * serving a cached list costs no query; changes this instance makes are taken in at once, other instances' at the
 * next reading.
 */
final class RefreshedIdSet {

    private final Supplier<Collection<UUID>> read;
    private final Duration maxAge;
    private final Clock clock;
    // one reader at a time, so the lists served while the set is read again wait for it instead of each querying
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;

    RefreshedIdSet(Supplier<Collection<UUID>> read, Duration maxAge, Clock clock) {
        this.read = read;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The ids as of at most the max age ago, with this instance's changes since; not to be modified. */
    Set<UUID> current() {
        Snapshot held = snapshot;
        if (isFresh(held)) {
            return held.ids();
        }
        reading.lock();
        try {
            held = snapshot;
            if (isFresh(held)) {
                return held.ids();
            }
            // the time is taken before the query, so every change committed before it is in what is read
            Instant readAt = clock.instant();
            Set<UUID> ids = ConcurrentHashMap.newKeySet();
            ids.addAll(read.get());
            held = new Snapshot(ids, readAt);
            snapshot = held;
            return ids;
        } finally {
            reading.unlock();
        }
    }

    /** Whether the set has been read: before that, there is nothing to take a change into. */
    boolean hasBeenRead() {
        return snapshot != null;
    }

    /** Takes an id in until the next reading (nothing to do before the first: that reads it). */
    void add(UUID id) {
        Snapshot held = snapshot;
        if (held != null) {
            held.ids().add(id);
        }
    }

    void remove(UUID id) {
        Snapshot held = snapshot;
        if (held != null) {
            held.ids().remove(id);
        }
    }

    private boolean isFresh(Snapshot held) {
        return held != null && clock.instant().isBefore(held.readAt().plus(maxAge));
    }

    private record Snapshot(Set<UUID> ids, Instant readAt) {}
}

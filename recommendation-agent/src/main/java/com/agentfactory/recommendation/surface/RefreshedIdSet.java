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
 * serving a cached list costs no query; changes this instance makes or is told of are taken in at once, others at the
 * next reading. An id added while a reading is under way is kept in the set that reading makes, as that reading's
 * query may have begun before the id was committed.
 */
final class RefreshedIdSet {

    private final Supplier<Collection<UUID>> read;
    private final Duration maxAge;
    private final Clock clock;
    // one reader at a time, so the lists served while the set is read again wait for it instead of each querying
    private final ReentrantLock reading = new ReentrantLock();
    // guards the swap of the snapshot against the ids added meanwhile; never held across a query
    private final Object swap = new Object();
    private volatile Snapshot snapshot;
    private Set<UUID> addedDuringReading;

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
            return readLocked();
        } finally {
            reading.unlock();
        }
    }

    /** Reads the set now, whatever its age: everything committed before this call is in it afterwards. */
    void readNow() {
        reading.lock();
        try {
            readLocked();
        } finally {
            reading.unlock();
        }
    }

    private Set<UUID> readLocked() {
        synchronized (swap) {
            addedDuringReading = ConcurrentHashMap.newKeySet();
        }
        try {
            // the time is taken before the query, so every change committed before it is in what is read
            Instant readAt = clock.instant();
            Set<UUID> ids = ConcurrentHashMap.newKeySet();
            ids.addAll(read.get());
            synchronized (swap) {
                ids.addAll(addedDuringReading);
                snapshot = new Snapshot(ids, readAt);
            }
            return ids;
        } finally {
            synchronized (swap) {
                addedDuringReading = null;
            }
        }
    }

    /** Whether the set has been read: before that, there is nothing to take a change into. */
    boolean hasBeenRead() {
        return snapshot != null;
    }

    /** Takes an id in until the next reading (nothing to do before the first: that reads it). */
    void add(UUID id) {
        synchronized (swap) {
            Snapshot held = snapshot;
            if (held != null) {
                held.ids().add(id);
            }
            if (addedDuringReading != null) {
                addedDuringReading.add(id);
            }
        }
    }

    void remove(UUID id) {
        synchronized (swap) {
            Snapshot held = snapshot;
            if (held != null) {
                held.ids().remove(id);
            }
            if (addedDuringReading != null) {
                addedDuringReading.remove(id);
            }
        }
    }

    private boolean isFresh(Snapshot held) {
        return held != null && clock.instant().isBefore(held.readAt().plus(maxAge));
    }

    private record Snapshot(Set<UUID> ids, Instant readAt) {}
}

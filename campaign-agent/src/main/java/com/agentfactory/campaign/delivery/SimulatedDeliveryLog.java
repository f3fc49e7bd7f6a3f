package com.agentfactory.campaign.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a simulated provider was given, the most recent messages only. The gateways are the running beans for SMS and
 * push, so an unbounded record grew with every send for as long as the agent ran; a real provider forgets an
 * idempotency key after a while too. A key is remembered for as long as its message is among the last
 * {@code capacity}: far longer than the dispatcher takes to try a send again after a crash or a lost lease.
 */
final class SimulatedDeliveryLog {

    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<UUID, SimulatedMessage> messages;

    SimulatedDeliveryLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.messages = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, SimulatedMessage> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Keeps the message unless one with its idempotency key is kept already; returns whether it is new. */
    synchronized boolean add(SimulatedMessage message) {
        return messages.putIfAbsent(message.idempotencyKey(), message) == null;
    }

    /** The kept messages, oldest first. */
    synchronized List<SimulatedMessage> messages() {
        return List.copyOf(messages.values());
    }
}

package com.agentfactory.campaign.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS provider, which is outside the platform: it keeps what it was given, once per
 * idempotency key as a real provider's API would, and logs it. A real provider replaces it behind the same calls.
 */
@Component
public class SimulatedSmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

    private final Map<UUID, SimulatedMessage> delivered = new ConcurrentHashMap<>();

    void send(UUID idempotencyKey, UUID customerId, String text) {
        if (delivered.putIfAbsent(idempotencyKey, new SimulatedMessage(idempotencyKey, customerId, text)) == null) {
            log.info("Simulated SMS {} to customer {}: {}", idempotencyKey, customerId, text);
        }
    }

    public List<SimulatedMessage> delivered() {
        return List.copyOf(delivered.values());
    }
}

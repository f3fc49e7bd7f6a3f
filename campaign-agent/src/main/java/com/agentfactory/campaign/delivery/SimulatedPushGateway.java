package com.agentfactory.campaign.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for a push provider (APNs, FCM), which is outside the platform: it keeps each notification once
 * per idempotency key and logs it.
 */
@Component
public class SimulatedPushGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPushGateway.class);

    private final Map<UUID, SimulatedMessage> delivered = new ConcurrentHashMap<>();

    void send(UUID idempotencyKey, UUID customerId, String text) {
        if (delivered.putIfAbsent(idempotencyKey, new SimulatedMessage(idempotencyKey, customerId, text)) == null) {
            log.info("Simulated push {} to customer {}: {}", idempotencyKey, customerId, text);
        }
    }

    public List<SimulatedMessage> delivered() {
        return List.copyOf(delivered.values());
    }
}

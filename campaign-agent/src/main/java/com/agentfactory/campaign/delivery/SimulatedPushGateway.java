package com.agentfactory.campaign.delivery;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for a push provider (APNs, FCM), which is outside the platform: it keeps the most recent notifications,
 * each once per idempotency key, and logs them.
 */
@Component
public class SimulatedPushGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPushGateway.class);

    private final SimulatedDeliveryLog delivered;

    public SimulatedPushGateway() {
        this(SimulatedDeliveryLog.DEFAULT_CAPACITY);
    }

    SimulatedPushGateway(int capacity) {
        this.delivered = new SimulatedDeliveryLog(capacity);
    }

    void send(UUID idempotencyKey, UUID customerId, String text) {
        if (delivered.add(new SimulatedMessage(idempotencyKey, customerId, null, text))) {
            log.info("Simulated push {} to customer {}: {}", idempotencyKey, customerId, text);
        }
    }

    /** The most recent messages, oldest first: at most the last {@value SimulatedDeliveryLog#DEFAULT_CAPACITY}. */
    public List<SimulatedMessage> delivered() {
        return delivered.messages();
    }
}

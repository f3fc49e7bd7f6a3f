package com.agentfactory.campaign.delivery;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stands in for an SMS provider, which is outside the platform: it keeps the most recent messages it was given, once
 * per idempotency key as a real provider's API would, and logs them. A real provider replaces it behind the same
 * calls.
 */
@Component
public class SimulatedSmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsGateway.class);

    private final SimulatedDeliveryLog delivered;

    public SimulatedSmsGateway() {
        this(SimulatedDeliveryLog.DEFAULT_CAPACITY);
    }

    SimulatedSmsGateway(int capacity) {
        this.delivered = new SimulatedDeliveryLog(capacity);
    }

    void send(UUID idempotencyKey, UUID customerId, String to, String text) {
        if (delivered.add(new SimulatedMessage(idempotencyKey, customerId, to, text))) {
            // the customer's id, not their number: logs are kept longer than an erasure reaches
            log.info("Simulated SMS {} to customer {}: {}", idempotencyKey, customerId, text);
        }
    }

    /** The most recent messages, oldest first: at most the last {@value SimulatedDeliveryLog#DEFAULT_CAPACITY}. */
    public List<SimulatedMessage> delivered() {
        return delivered.messages();
    }
}

package com.agentfactory.support.escalation;

import java.util.UUID;

/**
 * Who wrote: a known customer or a guest (null). Only the id: whether a customer is a VIP is the agent's configured
 * list, never something a message or task says about itself (see {@link EscalationPolicy}).
 */
public record CustomerProfile(UUID customerId) {

    public static CustomerProfile guest() {
        return new CustomerProfile(null);
    }
}

package com.agentfactory.support.escalation;

import java.util.UUID;

/** Who wrote: a known customer (with a tier when the caller knows it) or a guest (both null). */
public record CustomerProfile(UUID customerId, String tier) {

    public static CustomerProfile guest() {
        return new CustomerProfile(null, null);
    }
}

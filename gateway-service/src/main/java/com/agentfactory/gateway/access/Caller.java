package com.agentfactory.gateway.access;

import java.util.Set;
import java.util.UUID;

/** Who is asking, as far as access rules care. */
record Caller(boolean authenticated, Set<Role> roles, UUID customerId) {

    static final Caller ANONYMOUS = new Caller(false, Set.of(), null);

    Caller {
        roles = Set.copyOf(roles);
    }

    static Caller of(Set<Role> roles, UUID customerId) {
        return new Caller(true, roles, customerId);
    }
}

package com.agentfactory.gateway.user;

import com.agentfactory.access.Role;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in. */
public record User(
        UUID id, String email, String passwordHash, String firstName, String lastName, Role role, Instant createdAt) {

    /** Customers act on their own data; their customer id is their user id. */
    public UUID customerId() {
        return role == Role.CUSTOMER ? id : null;
    }
}

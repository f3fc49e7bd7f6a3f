package com.agentfactory.access;

import java.util.Optional;

/** What a caller may do; people hold one of the first four, services authenticate as SYSTEM_AGENT. */
public enum Role {
    ADMIN,
    MARKETING_MANAGER,
    SUPPORT_AGENT,
    CUSTOMER,
    SYSTEM_AGENT;

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean isAssignableToPerson() {
        return this != SYSTEM_AGENT;
    }
}

package com.agentfactory.messaging.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The authenticated caller of a request: a user id (people and service clients), their roles, the customer
 * they are (customers only) and the agent acting for the platform (service calls on an agent's behalf).
 * Domain code decides rights from it; how it is established is the web layer's business.
 */
public record Caller(String userId, Set<String> roles, UUID customerId, String agentId) {

    public static final String ADMIN = "ADMIN";
    public static final String MARKETING_MANAGER = "MARKETING_MANAGER";
    public static final String SUPPORT_AGENT = "SUPPORT_AGENT";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String SYSTEM_AGENT = "SYSTEM_AGENT";

    private static final String ANONYMOUS = "anonymous";
    private static final String AGENT_PREFIX = "agent:";
    private static final int MAX_ID_LENGTH = 200;

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Caller anonymous() {
        return new Caller(null, Set.of(), null, null);
    }

    /** Reads the identity as it travels between services: ids as text, roles comma-separated, {@code ROLE_} optional. */
    public static Caller parse(String userId, String roles, String customerId, String agentId) {
        Set<String> parsed = roles == null
                ? Set.of()
                : Arrays.stream(roles.split(","))
                        .map(role -> role.strip().toUpperCase(Locale.ROOT))
                        .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                        .filter(role -> !role.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new Caller(boundedId(userId), parsed, uuidOrNull(customerId), boundedId(agentId));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isAuthenticated() {
        return userId != null || agentId != null;
    }

    /** The name the audit trail and task history record: the user, else the acting agent, else "anonymous". */
    public String actorName() {
        if (userId != null) {
            return userId;
        }
        return agentId != null ? AGENT_PREFIX + agentId : ANONYMOUS;
    }

    /** The agent an {@link #actorName()} names, or null when it names a user or nobody. */
    public static String agentOf(String actorName) {
        return actorName != null && actorName.startsWith(AGENT_PREFIX)
                ? actorName.substring(AGENT_PREFIX.length())
                : null;
    }

    /** The user an {@link #actorName()} names, or null when it names an agent or nobody. */
    public static String userOf(String actorName) {
        return actorName == null || actorName.equals(ANONYMOUS) || actorName.startsWith(AGENT_PREFIX)
                ? null
                : actorName;
    }

    private static String boundedId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > MAX_ID_LENGTH ? stripped.substring(0, MAX_ID_LENGTH) : stripped;
    }

    private static UUID uuidOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

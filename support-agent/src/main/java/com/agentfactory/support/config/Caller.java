package com.agentfactory.support.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, as the gateway vouches for it in X-User-Id, X-User-Roles and X-Customer-Id. The gateway
 * strips these headers from outside requests, so inside the platform they are trusted.
 */
public record Caller(String userId, Set<String> roles, UUID customerId) {

    public static final String SUPPORT_AGENT = "SUPPORT_AGENT";
    public static final String ADMIN = "ADMIN";

    public static Caller of(String userId, String roles, String customerId) {
        Set<String> parsed = roles == null
                ? Set.of()
                : Arrays.stream(roles.split(","))
                        .map(role -> role.strip().toUpperCase(Locale.ROOT))
                        .map(role -> role.startsWith("ROLE_") ? role.substring(5) : role)
                        .filter(role -> !role.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        return new Caller(blankToNull(userId), parsed, parseUuid(customerId));
    }

    public boolean isSupportAgent() {
        return roles.contains(SUPPORT_AGENT) || roles.contains(ADMIN);
    }

    /** Refuses the call unless the caller works the support queue. */
    public Caller requireSupportAgent() {
        if (!isSupportAgent() || userId == null) {
            throw new ForbiddenException("Only support agents may do this.");
        }
        return this;
    }

    private static UUID parseUuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package com.agentfactory.access;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking, as far as access rules care: whether a person or client is signed in, their roles, and the
 * customer they are (customers only).
 */
public record AccessSubject(boolean authenticated, Set<Role> roles, UUID customerId) {

    private static final String ROLE_PREFIX = "ROLE_";

    public static final AccessSubject ANONYMOUS = new AccessSubject(false, Set.of(), null);

    public AccessSubject {
        roles = Set.copyOf(roles);
    }

    public static AccessSubject of(Set<Role> roles, UUID customerId) {
        return new AccessSubject(true, roles, customerId);
    }

    /**
     * A verified token's caller as Spring Security sees it: {@code ROLE_} authorities (others ignored) and the
     * {@code customer_id} claim, which grants nothing when it is not a UUID.
     */
    public static AccessSubject fromToken(Collection<String> authorities, String customerIdClaim) {
        Set<Role> roles = authorities.stream()
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .flatMap(authority -> Role.parse(authority.substring(ROLE_PREFIX.length())).stream())
                .collect(Collectors.toUnmodifiableSet());
        return of(roles, uuidOrNull(customerIdClaim));
    }

    private static UUID uuidOrNull(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}

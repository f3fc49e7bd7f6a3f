package com.agentfactory.access;

import java.util.List;
import java.util.Locale;

/**
 * One row of the table.
 *
 * @param patterns path patterns ({@code /**} also matches the bare prefix)
 * @param methods HTTP methods the rule covers; empty means all
 * @param roles roles the rule grants
 * @param anonymous granted without any token
 * @param self for CUSTOMER: only when the {@code {customerId}} path variable is the caller's own customer id
 */
public record AccessRule(
        List<String> patterns, List<String> methods, List<Role> roles, boolean anonymous, boolean self) {

    public AccessRule {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("Access rule without patterns");
        }
        patterns = List.copyOf(patterns);
        methods = methods == null
                ? List.of()
                : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        roles = roles == null ? List.of() : List.copyOf(roles);
        if (!anonymous && roles.isEmpty()) {
            throw new IllegalArgumentException("Access rule " + patterns + " grants nobody: give roles or anonymous");
        }
        if (self && patterns.stream().anyMatch(p -> !p.contains("{" + AccessRules.SELF_VARIABLE + "}"))) {
            throw new IllegalArgumentException(
                    "Self rule " + patterns + " needs a {" + AccessRules.SELF_VARIABLE + "} path variable");
        }
    }
}

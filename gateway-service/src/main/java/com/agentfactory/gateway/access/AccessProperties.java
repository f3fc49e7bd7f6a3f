package com.agentfactory.gateway.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The access-rule table. A request is allowed when any rule whose pattern and method match grants it; a request no
 * rule's pattern covers is passed on (and ends as 404 when no route serves it either).
 */
@ConfigurationProperties("agentfactory.access")
@Validated
record AccessProperties(@NotEmpty List<@Valid Rule> rules) {

    /**
     * @param patterns path patterns ({@code /**} also matches the bare prefix)
     * @param methods HTTP methods the rule covers; empty means all
     * @param roles roles the rule grants
     * @param anonymous granted without any token
     * @param self for CUSTOMER: only when the {@code {customerId}} path variable is the caller's own customer id
     */
    record Rule(
            @NotEmpty List<String> patterns, List<String> methods, List<Role> roles, boolean anonymous, boolean self) {

        Rule {
            methods = methods == null
                    ? List.of()
                    : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
            roles = roles == null ? List.of() : List.copyOf(roles);
            if (!anonymous && roles.isEmpty()) {
                throw new IllegalArgumentException(
                        "Access rule " + patterns + " grants nobody: give roles or anonymous");
            }
            if (self && patterns.stream().anyMatch(p -> !p.contains("{" + AccessRuleEvaluator.SELF_VARIABLE + "}"))) {
                throw new IllegalArgumentException(
                        "Self rule " + patterns + " needs a {" + AccessRuleEvaluator.SELF_VARIABLE + "} path variable");
            }
        }
    }
}

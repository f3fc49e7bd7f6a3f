package com.agentfactory.gateway.access;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Decides a request against the access-rule table; pure, so the whole matrix is testable without a server. */
final class AccessRuleEvaluator {

    static final String SELF_VARIABLE = "customerId";

    private final List<CompiledRule> rules;

    AccessRuleEvaluator(List<AccessProperties.Rule> rules) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.rules = rules.stream()
                .map(rule -> new CompiledRule(
                        rule, rule.patterns().stream().map(parser::parse).toList()))
                .toList();
    }

    AccessDecision evaluate(String method, String path, Caller caller) {
        PathContainer container = PathContainer.parsePath(path);
        boolean covered = false;
        for (CompiledRule rule : rules) {
            for (PathPattern pattern : rule.patterns()) {
                PathPattern.PathMatchInfo match = pattern.matchAndExtract(container);
                if (match == null) {
                    continue;
                }
                covered = true;
                if (grants(rule.rule(), method, match.getUriVariables(), caller)) {
                    return AccessDecision.GRANTED;
                }
            }
        }
        return covered ? AccessDecision.DENIED : AccessDecision.NOT_COVERED;
    }

    private static boolean grants(
            AccessProperties.Rule rule, String method, Map<String, String> variables, Caller caller) {
        if (!rule.methods().isEmpty() && !rule.methods().contains(method)) {
            return false;
        }
        if (rule.anonymous()) {
            return true;
        }
        if (!caller.authenticated() || rule.roles().stream().noneMatch(caller.roles()::contains)) {
            return false;
        }
        return !rule.self() || isOwnCustomerId(variables.get(SELF_VARIABLE), caller.customerId());
    }

    private static boolean isOwnCustomerId(String pathValue, UUID customerId) {
        if (pathValue == null || customerId == null) {
            return false;
        }
        try {
            return UUID.fromString(pathValue).equals(customerId);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    private record CompiledRule(AccessProperties.Rule rule, List<PathPattern> patterns) {}
}

package com.agentfactory.recommendation.rule;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules in force, indexed for re-ranking. The fingerprint changes whenever the rules do, so it is part
 * of every cache field: a list cached under other rules is never served.
 */
public record BusinessRules(Set<UUID> blocked, Map<UUID, Double> boosts, List<BusinessRule> pins, String fingerprint) {

    public static BusinessRules of(List<BusinessRule> rules) {
        Set<UUID> blocked = new HashSet<>();
        Map<UUID, Double> boosts = new HashMap<>();
        for (BusinessRule rule : rules) {
            switch (rule.kind()) {
                case BLOCK -> blocked.add(rule.productId());
                case BOOST -> boosts.put(rule.productId(), rule.boost().doubleValue());
                case PIN -> {
                    // indexed below, by position
                }
            }
        }
        List<BusinessRule> pins = rules.stream()
                .filter(rule -> rule.kind() == BusinessRuleKind.PIN)
                .sorted(Comparator.comparing(BusinessRule::position).thenComparing(BusinessRule::createdAt))
                .toList();
        String fingerprint = rules.isEmpty() ? "0" : Integer.toHexString(rules.hashCode());
        return new BusinessRules(Set.copyOf(blocked), Map.copyOf(boosts), pins, fingerprint);
    }

    public double boostOf(UUID productId) {
        return boosts.getOrDefault(productId, 1.0);
    }
}

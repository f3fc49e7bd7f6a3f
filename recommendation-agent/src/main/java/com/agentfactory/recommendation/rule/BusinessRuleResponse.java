package com.agentfactory.recommendation.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

record BusinessRuleResponse(
        UUID ruleId, String kind, UUID productId, Integer position, BigDecimal boost, Instant createdAt) {

    static BusinessRuleResponse of(BusinessRule rule) {
        return new BusinessRuleResponse(
                rule.ruleId(),
                rule.kind().name().toLowerCase(Locale.ROOT),
                rule.productId(),
                rule.position(),
                rule.boost(),
                rule.createdAt());
    }
}

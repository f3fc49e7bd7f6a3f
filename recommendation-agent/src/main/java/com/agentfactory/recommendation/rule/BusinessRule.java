package com.agentfactory.recommendation.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A merchandising rule on one product; {@code position} (1-based) only for pins, {@code boost} only for boosts. */
public record BusinessRule(
        UUID ruleId, BusinessRuleKind kind, UUID productId, Integer position, BigDecimal boost, Instant createdAt) {}

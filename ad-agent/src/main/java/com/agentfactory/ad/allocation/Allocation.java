package com.agentfactory.ad.allocation;

import java.math.BigDecimal;
import java.util.UUID;

/** One campaign's share of a reallocation round, with the reason stored for it. */
public record Allocation(
        UUID campaignId,
        BigDecimal previousDailyBudget,
        BigDecimal allocatedDailyBudget,
        double sampledScore,
        String reason) {}

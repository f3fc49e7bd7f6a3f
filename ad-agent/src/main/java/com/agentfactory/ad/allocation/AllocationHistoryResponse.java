package com.agentfactory.ad.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The reallocation rounds of a window, oldest first: [from, to). */
record AllocationHistoryResponse(Instant from, Instant to, List<AllocationRound> rounds) {

    /**
     * One round's changes in one currency (budgets are shared within a currency only, so a round that reallocated
     * several currencies appears once for each).
     */
    record AllocationRound(
            UUID roundId, Instant occurredAt, String actor, String currency, List<AllocationChange> changes) {}

    /**
     * @param previousDailyBudget what the allocator had given the campaign before; null: nothing yet, the campaign
     *     spent its own daily budget
     */
    record AllocationChange(
            UUID campaignId,
            String campaignName,
            BigDecimal previousDailyBudget,
            BigDecimal allocatedDailyBudget,
            double sampledScore,
            String reason) {}
}

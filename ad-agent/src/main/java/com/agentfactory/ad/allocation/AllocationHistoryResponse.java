package com.agentfactory.ad.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reallocation rounds of a window, oldest first: [from, to).
 *
 * @param rounds the window's newest rounds, at most {@value AllocationHistory#MAX_ROUNDS}
 * @param roundsTruncated whether the window had older rounds than those in {@code rounds}
 * @param series each campaign's allocated daily budget over the whole window, however many rounds it had
 */
record AllocationHistoryResponse(
        Instant from, Instant to, List<AllocationRound> rounds, boolean roundsTruncated, AllocationSeries series) {

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

    /**
     * The window cut into steps of equal length (ISO-8601, {@code PT5M}, {@code PT1H}, {@code PT24H}), the finest
     * that makes at most {@value AllocationHistory#MAX_STEPS} of them, and each campaign's budget at the end of the
     * steps in which the allocator changed it: a step's last change. Steps count from the epoch, so a day's steps
     * start at midnight UTC.
     */
    record AllocationSeries(String step, List<CampaignSeries> campaigns) {}

    /**
     * @param previousDailyBudget what the allocator had given the campaign when the window began (the previous budget
     *     of its first change in it); null: nothing, the campaign spent its own daily budget
     * @param points oldest first
     */
    record CampaignSeries(
            UUID campaignId,
            String campaignName,
            String currency,
            BigDecimal previousDailyBudget,
            List<SeriesPoint> points) {}

    /**
     * @param at the end of the step, or the end of the window when it ends within the step
     * @param allocatedDailyBudget the campaign's budget as the step's last change left it
     */
    record SeriesPoint(Instant at, BigDecimal allocatedDailyBudget) {}
}

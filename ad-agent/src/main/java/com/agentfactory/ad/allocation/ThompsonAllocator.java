package com.agentfactory.ad.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Shares a pool of daily budget over campaigns by Thompson sampling: each campaign's conversion rate per click is
 * drawn from its Beta(1 + conversions, 1 + clicks − conversions) posterior and turned into value per unit spent
 * (draw × value per conversion × clicks per unit spent, smoothed); the pool is shared in proportion to the draws,
 * every campaign keeping at least {@code minShare} of its own daily budget. Drawing rather than using the means
 * keeps exploring campaigns whose evidence is thin.
 *
 * <p>A round runs many times a day, and a campaign keeps whatever it was reserved under an earlier, higher share:
 * each campaign therefore also keeps at least what it has already reserved or spent today, and only the rest of the
 * pool is shared out. Shared from the whole pool, fresh draws would give each campaign in turn a high share to spend,
 * and the pool would spend well beyond its daily total over the day.
 *
 * <p>A share is capped at {@link #MAX_ALLOCATION}, the most an allocated daily budget is kept to: a pool of over a
 * thousand campaigns near the highest daily budget a campaign may have can give one of them more, and a round storing
 * that would fail for every campaign.
 */
public final class ThompsonAllocator {

    /** The most an allocated daily budget column (NUMERIC(14, 2)) keeps. */
    static final BigDecimal MAX_ALLOCATION = new BigDecimal("999999999999.99");

    private final BetaSampler sampler;
    private final double minShare;

    public ThompsonAllocator(BetaSampler sampler, double minShare) {
        this.sampler = sampler;
        this.minShare = minShare;
    }

    /**
     * @param usedToday what the campaign has already reserved from finance or spent today, whichever is more: money
     *     it keeps whatever its share becomes
     */
    public record Arm(
            UUID campaignId,
            BigDecimal dailyBudget,
            BigDecimal previousAllocation,
            long clicks,
            long conversions,
            BigDecimal spend,
            BigDecimal valuePerConversion,
            BigDecimal usedToday) {

        /**
         * Conversions counted before each needed a click may outnumber the clicks: as many as there were clicks
         * count, so the conversion rate drawn from cannot pass 1 and move budget to the campaign.
         */
        long convertedClicks() {
            return Math.max(0, Math.min(conversions, clicks));
        }
    }

    public List<Allocation> allocate(List<Arm> arms) {
        return allocate(arms, BigDecimal.ZERO);
    }

    /**
     * @param usedByLeavers what campaigns that left this pool today used beyond the sum of their own daily budgets
     *     (one's excess less what another left unused): spent from the pool's day already, so the pool's campaigns
     *     share that much less for the rest of it
     */
    public List<Allocation> allocate(List<Arm> arms, BigDecimal usedByLeavers) {
        if (arms.isEmpty()) {
            return List.of();
        }
        BigDecimal pool = arms.stream()
                .map(Arm::dailyBudget)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(usedByLeavers);
        double[] scores = new double[arms.size()];
        double[] draws = new double[arms.size()];
        double total = 0;
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            draws[i] = sampler.sample(1 + arm.convertedClicks(), 1 + arm.clicks() - arm.convertedClicks());
            double clicksPerUnit = (arm.clicks() + 1.0) / (arm.spend().doubleValue() + 1.0);
            scores[i] = draws[i] * arm.valuePerConversion().doubleValue() * clicksPerUnit;
            total += scores[i];
        }
        BigDecimal floors = BigDecimal.ZERO;
        BigDecimal[] floor = new BigDecimal[arms.size()];
        boolean[] keptUsed = new boolean[arms.size()];
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            BigDecimal minimum =
                    arm.dailyBudget().multiply(BigDecimal.valueOf(minShare)).setScale(2, RoundingMode.DOWN);
            BigDecimal used = arm.usedToday().setScale(2, RoundingMode.UP);
            keptUsed[i] = used.compareTo(minimum) > 0;
            floor[i] = keptUsed[i] ? used : minimum;
            floors = floors.add(floor[i]);
        }
        // more used than the pool holds (a campaign joined the pool after spending beyond what is left of it): none
        // is shared, and what is used cannot be taken back
        BigDecimal shared = pool.subtract(floors).max(BigDecimal.ZERO);
        List<Allocation> allocations = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            Arm arm = arms.get(i);
            double share = total <= 0 ? 1.0 / arms.size() : scores[i] / total;
            BigDecimal amount =
                    floor[i].add(shared.multiply(BigDecimal.valueOf(share))).setScale(2, RoundingMode.DOWN);
            String reason = String.format(
                    Locale.ROOT,
                    "Thompson draw of CVR %.4f (posterior Beta(%d, %d)) x value %s x %.3f clicks per unit spent ="
                            + " score %.4f, %.1f%% of the shared pool of %s above the floors (the %.0f%% share or"
                            + " what was used today)",
                    draws[i],
                    1 + arm.convertedClicks(),
                    1 + arm.clicks() - arm.convertedClicks(),
                    arm.valuePerConversion().toPlainString(),
                    (arm.clicks() + 1.0) / (arm.spend().doubleValue() + 1.0),
                    scores[i],
                    share * 100,
                    shared.toPlainString(),
                    minShare * 100);
            if (keptUsed[i]) {
                reason += String.format(
                        Locale.ROOT,
                        ", kept at least the %s already reserved or spent today",
                        floor[i].toPlainString());
            }
            if (usedByLeavers.signum() > 0) {
                reason += String.format(
                        Locale.ROOT,
                        ", the pool less the %s that campaigns which left it today used beyond the sum of their own"
                                + " daily budgets",
                        usedByLeavers.toPlainString());
            }
            if (amount.compareTo(MAX_ALLOCATION) > 0) {
                amount = MAX_ALLOCATION;
                reason += ", capped at " + MAX_ALLOCATION.toPlainString() + ", the most a daily budget is kept to";
            }
            allocations.add(new Allocation(arm.campaignId(), arm.previousAllocation(), amount, scores[i], reason));
        }
        return allocations;
    }
}

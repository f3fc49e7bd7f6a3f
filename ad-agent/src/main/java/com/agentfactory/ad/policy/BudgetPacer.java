package com.agentfactory.ad.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads one budget over a period at run time: the spend plan is linear in time, and while the actual spend runs
 * ahead of the plan by more than the tolerance the pacer throttles (bids nothing) until the plan catches up. It
 * also turns a live request into the {@link BidState} a policy needs and caps the policy's bid by the budget left.
 *
 * <p>Thread-safe: spend is recorded atomically and a win never spends more than the budget left.
 */
public final class BudgetPacer {

    private final long budget;
    private final Instant start;
    private final Duration period;
    private final double tolerance;
    private final AtomicLong spent = new AtomicLong();

    /**
     * @param tolerance share of the budget the spend may run ahead of the plan before throttling (e.g. 0.05)
     */
    public BudgetPacer(long budget, Instant start, Instant end, double tolerance) {
        if (budget < 0 || !end.isAfter(start) || tolerance < 0) {
            throw new IllegalArgumentException("budget and tolerance must not be negative, end after start");
        }
        this.budget = budget;
        this.start = start;
        this.period = Duration.between(start, end);
        this.tolerance = tolerance;
    }

    public long remainingBudget() {
        return Math.max(0, budget - spent.get());
    }

    public long spent() {
        return spent.get();
    }

    /** Share of the period gone at {@code now}, in [0, 1]. */
    public double elapsed(Instant now) {
        double fraction = Duration.between(start, now).toNanos() / (double) period.toNanos();
        return Math.min(1, Math.max(0, fraction));
    }

    /** What the plan says should be spent by {@code now}. */
    public double plannedSpend(Instant now) {
        return budget * elapsed(now);
    }

    /** True while the spend is ahead of the plan by more than the tolerance: no bids until the plan catches up. */
    public boolean throttled(Instant now) {
        return spent.get() > plannedSpend(now) + tolerance * budget;
    }

    /**
     * The paced bid for one auction: 0 when throttled or out of budget, else the policy's bid for the state built
     * from the budget left and the forecast auctions (both for the whole period and still to come), capped by the
     * budget left.
     */
    public long bid(
            BidPolicy policy,
            double pctr,
            Instant now,
            int remainingAuctionsForecast,
            int periodAuctionsForecast,
            double recentWinRate,
            double recentMeanPrice) {
        long remaining = remainingBudget();
        if (remaining == 0 || throttled(now)) {
            return 0;
        }
        int periodAuctions = Math.max(1, periodAuctionsForecast);
        int remainingAuctions = Math.max(1, Math.min(remainingAuctionsForecast, periodAuctions));
        BidState state = new BidState(
                remaining, budget, remainingAuctions, periodAuctions, pctr, recentWinRate, recentMeanPrice);
        return Math.max(0, Math.min(policy.bid(state), remaining));
    }

    /**
     * Records the price of a won auction. Returns false, recording nothing, when it would overspend the budget
     * (a win notice racing another one): the caller then treats the impression as not paid from this budget.
     */
    public boolean recordWin(long price) {
        if (price < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        while (true) {
            long current = spent.get();
            if (current + price > budget) {
                return false;
            }
            if (spent.compareAndSet(current, current + price)) {
                return true;
            }
        }
    }
}

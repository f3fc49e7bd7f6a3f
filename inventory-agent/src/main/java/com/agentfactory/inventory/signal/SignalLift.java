package com.agentfactory.inventory.signal;

/**
 * How much more (or less) a SKU is wanted now than usual, read from views and cart additions: the factor on its
 * expected demand today, fading towards 1 on the days after. A ratio of two smoothed rates, written here because it
 * is four lines of arithmetic tied to this agent's settings, not an algorithm a library would own.
 *
 * @param lift the factor on today's expected demand; 1 when the signals say nothing
 * @param recentDailySignals the recent window's signals per day (units put in carts plus weighted views)
 * @param baselineDailySignals the SKU's usual signals per day, before the recent window
 * @param baselineDays the days the usual level was measured over; 0 when too few were collected
 * @param decayPerDay the share of the lift left on each further day ahead
 * @param basis why the lift is what it is, for people reading a plan or forecast
 */
public record SignalLift(
        double lift,
        double recentDailySignals,
        double baselineDailySignals,
        double baselineDays,
        double decayPerDay,
        String basis) {

    /** No adjustment, and why. */
    public static SignalLift none(String why) {
        return new SignalLift(1, 0, 0, 0, 0, why);
    }

    /**
     * The smoothed ratio of the recent to the usual daily level, within the configured bounds; the prior is added to
     * both levels so that a handful of signals on a quiet SKU moves it little.
     */
    static SignalLift of(double recentDaily, double baselineDaily, double baselineDays, SignalProperties settings) {
        double ratio = (recentDaily + settings.priorSignals()) / (baselineDaily + settings.priorSignals());
        double lift = Math.clamp(ratio, settings.minimumLift(), settings.maximumLift());
        return new SignalLift(
                lift,
                recentDaily,
                baselineDaily,
                baselineDays,
                settings.decayPerDay(),
                "%.1f signals a day recently against %.1f usually".formatted(recentDaily, baselineDaily));
    }

    public boolean adjusts() {
        return lift != 1;
    }

    /** The factor on expected demand {@code daysAhead} days after today (0: today). */
    public double factorOn(int daysAhead) {
        return 1 + (lift - 1) * Math.pow(decayPerDay, daysAhead);
    }

    /** The mean factor over today and the {@code days - 1} days after it. */
    public double meanFactorOver(int days) {
        if (days <= 0) {
            return 1;
        }
        double sum = 0;
        for (int day = 0; day < days; day++) {
            sum += factorOn(day);
        }
        return sum / days;
    }
}

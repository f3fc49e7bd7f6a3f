package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.signal.SignalLift;
import java.time.LocalDate;

/**
 * A SKU's recent daily demand over all warehouses.
 *
 * @param meanDaily mean units per day over the observed days
 * @param sdDaily the sample standard deviation of units per day (0 with fewer than two days)
 * @param observedDays the days measured: the window, or fewer when the SKU first sold inside it (0: never sold)
 * @param lastSaleDay the last day with an order, at any time before the end of the window; null if none
 * @param lift what views and cart additions say of demand now against usual; none under a person's override
 */
public record DemandProfile(
        String sku,
        double meanDaily,
        double sdDaily,
        int observedDays,
        LocalDate lastSaleDay,
        String source,
        SignalLift lift) {

    public boolean hasDemand() {
        return observedDays > 0 && meanDaily > 0;
    }

    /** Mean units per day expected over the next {@code days} days: the history's mean under the signals' lift. */
    public double expectedDailyOver(int days) {
        return meanDaily * lift.meanFactorOver(days);
    }

    /** Where the figures come from, the lift included when it applies. */
    public String basis() {
        return lift.adjusts()
                ? source + ", demand signals x%.2f today (%s)".formatted(lift.lift(), lift.basis())
                : source;
    }
}

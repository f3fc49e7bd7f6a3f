package com.agentfactory.inventory.forecast;

import java.time.LocalDate;

/**
 * A SKU's recent daily demand at one warehouse or over all of them.
 *
 * @param meanDaily mean units per day over the observed days
 * @param sdDaily the sample standard deviation of units per day (0 with fewer than two days)
 * @param observedDays the days measured: the window, or fewer when the SKU first sold inside it (0: never sold)
 * @param lastSaleDay the last day with an order, at any time before the end of the window; null if none
 */
public record DemandProfile(
        String sku, double meanDaily, double sdDaily, int observedDays, LocalDate lastSaleDay, String source) {

    public boolean hasDemand() {
        return observedDays > 0 && meanDaily > 0;
    }
}

package com.agentfactory.inventory.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A promotion not cancelled, as forecasts read it.
 *
 * @param discountPercent the price cut, in per cent of the usual price
 * @param startsOn the first day of the promotion
 * @param endsOn the first day after it
 */
public record PlannedPromotion(UUID id, BigDecimal discountPercent, LocalDate startsOn, LocalDate endsOn) {

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && day.isBefore(endsOn);
    }

    /** The price as a share of the usual one: 0.8 for 20% off. */
    public double priceRatio() {
        return 1 - discountPercent.doubleValue() / 100;
    }
}

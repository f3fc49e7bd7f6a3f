package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.time.YearRange;
import java.time.LocalDate;

/** The day a forecast or a daily run looks ahead from. */
public final class ForecastOrigin {

    private static final int FURTHEST_YEARS = 100;

    private ForecastOrigin() {}

    /**
     * History goes back decades at most; a date beyond is a typing error, and beyond the date arithmetic. The
     * platform's records bound it too, whatever day today is: nothing before them has orders to learn from.
     */
    public static void requirePlausible(LocalDate origin, LocalDate today) {
        YearRange.RECORDS.requireContains("origin", origin, RuleViolationException::of);
        if (origin.isBefore(today.minusYears(FURTHEST_YEARS)) || origin.isAfter(today.plusYears(FURTHEST_YEARS))) {
            throw RuleViolationException.of("origin", "must be within " + FURTHEST_YEARS + " years of today");
        }
    }
}

package com.agentfactory.inventory.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mean and spread of a SKU's daily demand, for reorder points and stock-cover alerts. Measured on the order
 * history, days without orders counting as zero, from the window's start or the first sale inside it: forecasts
 * are computed on request and not stored, so there is no stored forecast to read instead.
 */
@Service
public class DemandOutlook {

    static final String SOURCE = "daily-demand-history";

    private final DailyDemandRepository demand;

    DemandOutlook(DailyDemandRepository demand) {
        this.demand = demand;
    }

    /** Demand over the {@code windowDays} days before {@code until} (exclusive). */
    @Transactional(readOnly = true)
    public DemandProfile profileOf(String sku, LocalDate until, int windowDays) {
        LocalDate from = until.minusDays(windowDays);
        var days = demand.between(sku, null, from, until);
        LocalDate lastSale = demand.lastDayBefore(sku, until).orElse(null);
        if (days.isEmpty()) {
            return new DemandProfile(sku, 0, 0, 0, lastSale, SOURCE);
        }
        LocalDate first = days.getFirst().day();
        int observed = (int) ChronoUnit.DAYS.between(first, until);
        double[] series = new double[observed];
        days.forEach(day -> series[(int) ChronoUnit.DAYS.between(first, day.day())] += day.units());
        double mean = 0;
        for (double units : series) {
            mean += units;
        }
        mean /= observed;
        double squares = 0;
        for (double units : series) {
            squares += (units - mean) * (units - mean);
        }
        double sd = observed > 1 ? Math.sqrt(squares / (observed - 1)) : 0;
        return new DemandProfile(sku, mean, sd, observed, lastSale, SOURCE);
    }
}

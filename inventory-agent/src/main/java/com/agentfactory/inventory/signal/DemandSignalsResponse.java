package com.agentfactory.inventory.signal;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A SKU's demand signals now and the lift they put on its expected demand.
 *
 * @param factors the factor on expected demand today and on each of the six days after
 */
record DemandSignalsResponse(
        String sku,
        double lift,
        boolean adjusts,
        double recentDailySignals,
        double baselineDailySignals,
        double baselineDays,
        List<Double> factors,
        String basis) {

    static final int DAYS_SHOWN = 7;

    static DemandSignalsResponse of(String sku, SignalLift lift) {
        return new DemandSignalsResponse(
                sku,
                round(lift.lift()),
                lift.adjusts(),
                round(lift.recentDailySignals()),
                round(lift.baselineDailySignals()),
                round(lift.baselineDays()),
                IntStream.range(0, DAYS_SHOWN)
                        .mapToObj(day -> round(lift.factorOn(day)))
                        .toList(),
                lift.basis());
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

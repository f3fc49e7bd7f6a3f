package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.signal.SignalLift;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Expected units per day with 80% and 95% prediction intervals, and what the ensemble learnt from.
 *
 * @param weights each model's weight in this SKU's forecast
 * @param historyDays the days since the SKU's first order inside the history window
 * @param pooledSkus the SKUs the models were fitted on together, this one included
 * @param calibrationWeeks the last weeks before the origin the weights and intervals were calibrated on
 * @param signals the lift today's views and cart additions put on the days (a forecast from today only)
 * @param promotions the planned promotions on the days and the factor each puts on them
 */
record DemandForecastResponse(
        String sku,
        String location,
        LocalDate origin,
        String model,
        Map<String, Double> weights,
        int historyDays,
        int pooledSkus,
        int calibrationWeeks,
        Signals signals,
        PromotionEffects promotions,
        List<Day> days) {

    /** The factor on the first day is the lift; it fades towards 1 on the days after. */
    record Signals(double lift, boolean applied, String basis) {

        static Signals of(SignalLift lift) {
            return new Signals(Math.round(lift.lift() * 1000) / 1000.0, lift.adjusts(), lift.basis());
        }
    }

    /**
     * The promotions running on some of the days, with the price elasticity their factors come from (null when none
     * runs).
     */
    record PromotionEffects(Double elasticity, int measuredDays, String basis, List<PromotionEffect> running) {

        static PromotionEffects of(PromotionLift lift) {
            return new PromotionEffects(
                    lift.adjusts() ? Math.round(lift.elasticity() * 1000) / 1000.0 : null,
                    lift.measuredDays(),
                    lift.basis(),
                    lift.promotions().stream()
                            .map(p -> new PromotionEffect(
                                    p.id(),
                                    p.discountPercent(),
                                    p.startsOn(),
                                    p.endsOn(),
                                    Math.round(lift.factorOf(p) * 1000) / 1000.0))
                            .toList());
        }
    }

    /** A promotion and the factor it puts on the expected units of each of its days. */
    record PromotionEffect(UUID id, BigDecimal discountPercent, LocalDate startsOn, LocalDate endsOn, double factor) {}

    // explicit names: snake_case alone would not separate the digits (lower80)
    record Day(
            LocalDate date,
            double expected,
            @JsonProperty("lower_80") double lower80,
            @JsonProperty("upper_80") double upper80,
            @JsonProperty("lower_95") double lower95,
            @JsonProperty("upper_95") double upper95) {}
}

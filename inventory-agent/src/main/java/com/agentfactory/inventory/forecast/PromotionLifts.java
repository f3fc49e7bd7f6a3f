package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.promotion.PlannedPromotion;
import com.agentfactory.inventory.promotion.Promotions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures a SKU's price elasticity on its own past promotions and applies it to the planned ones. The history the
 * models learn from has no promotions to learn an effect from (the trees would see a feature that is always zero),
 * so the effect is measured directly: for each past promotion, the mean units on its days against the mean of the
 * days before it, turned into an elasticity through its discount, averaged by days and shrunk towards the prior.
 * Written here because it is a ratio of two means per promotion, not a model a forecasting library offers.
 */
@Service
public class PromotionLifts {

    /** Below this cut the units' noise, divided by a tiny log of the price ratio, would read as any elasticity. */
    private static final double SMALLEST_MEASURED_DISCOUNT = 0.05;

    private final Promotions promotions;
    private final DailyDemandRepository demand;
    private final PromotionProperties properties;
    private final ForecastProperties forecast;

    PromotionLifts(
            Promotions promotions,
            DailyDemandRepository demand,
            PromotionProperties properties,
            ForecastProperties forecast) {
        this.promotions = promotions;
        this.demand = demand;
        this.properties = properties;
        this.forecast = forecast;
    }

    /**
     * The lift of the promotions running from {@code from} for {@code days} days on the SKU's demand, the elasticity
     * measured on the SKU's orders before {@code from} at every warehouse together (a promotion is the SKU's, and one
     * warehouse's orders are fewer to measure on).
     */
    @Transactional(readOnly = true)
    public PromotionLift of(String sku, LocalDate from, int days) {
        List<PlannedPromotion> planned = promotions.running(sku, from, from.plusDays(days));
        if (planned.isEmpty()) {
            return PromotionLift.none("no promotion planned");
        }
        List<PlannedPromotion> past = promotions.running(sku, from.minusWeeks(forecast.historyWeeks()), from);
        double weighted = 0;
        int measured = 0;
        for (PlannedPromotion promotion : past) {
            LocalDate end = promotion.endsOn().isAfter(from) ? from : promotion.endsOn();
            int promotionDays = (int) ChronoUnit.DAYS.between(promotion.startsOn(), end);
            if (promotionDays <= 0 || 1 - promotion.priceRatio() < SMALLEST_MEASURED_DISCOUNT) {
                continue;
            }
            double usual = usualDaily(sku, promotion.startsOn(), past);
            if (usual <= 0) {
                continue;
            }
            double during = unitsOf(sku, promotion.startsOn(), end) / promotionDays;
            // lift = ratio^-e, so e = ln(lift) / -ln(ratio); a promotion that sold less says the discount did nothing
            double elasticity = during <= 0 ? 0 : Math.log(during / usual) / -Math.log(promotion.priceRatio());
            weighted += promotionDays * Math.clamp(elasticity, 0, properties.maximumElasticity());
            measured += promotionDays;
        }
        double elasticity = (weighted + properties.priorDays() * properties.priorElasticity())
                / (measured + properties.priorDays());
        String basis = measured == 0
                ? "price elasticity %.2f assumed: no past promotion of this SKU to measure".formatted(elasticity)
                : "price elasticity %.2f: measured on %d promotion days of this SKU, shrunk towards %.2f"
                        .formatted(elasticity, measured, properties.priorElasticity());
        return new PromotionLift(planned, elasticity, measured, properties.maximumFactor(), basis);
    }

    /**
     * Mean units a day over the baseline days before {@code start}: from the first day with an order among them (a
     * SKU new to the shop did not sell nothing before it was listed), days of other promotions left out, days without
     * orders counting zero; 0 when there is no such day.
     */
    private double usualDaily(String sku, LocalDate start, List<PlannedPromotion> promotions) {
        var orders = demand.between(sku, null, start.minusDays(properties.baselineDays()), start);
        if (orders.isEmpty()) {
            return 0;
        }
        double units = 0;
        int days = 0;
        for (LocalDate day = orders.getFirst().day(); day.isBefore(start); day = day.plusDays(1)) {
            LocalDate current = day;
            if (promotions.stream().noneMatch(p -> p.runsOn(current))) {
                days++;
                units += orders.stream()
                        .filter(o -> o.day().equals(current))
                        .mapToInt(DailyDemand::units)
                        .sum();
            }
        }
        return days == 0 ? 0 : units / days;
    }

    private double unitsOf(String sku, LocalDate from, LocalDate until) {
        return demand.between(sku, null, from, until).stream()
                .mapToInt(DailyDemand::units)
                .sum();
    }
}

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
     * The lift of the promotions running from {@code from} for {@code days} days on the SKU's demand at the
     * warehouse (all warehouses when it is null), measured on the orders before {@code from}.
     */
    @Transactional(readOnly = true)
    public PromotionLift of(String sku, String location, LocalDate from, int days) {
        List<PlannedPromotion> planned = promotions.running(sku, from, from.plusDays(days));
        if (planned.isEmpty()) {
            return PromotionLift.none("no promotion planned");
        }
        LocalDate lookback = from.minusWeeks(forecast.historyWeeks());
        double weighted = 0;
        int measured = 0;
        for (PlannedPromotion past : promotions.running(sku, lookback, from)) {
            LocalDate end = past.endsOn().isAfter(from) ? from : past.endsOn();
            int promotionDays = (int) ChronoUnit.DAYS.between(past.startsOn(), end);
            double usual =
                    meanDaily(sku, location, past.startsOn().minusDays(properties.baselineDays()), past.startsOn());
            if (promotionDays <= 0 || usual <= 0) {
                continue;
            }
            double during = meanDaily(sku, location, past.startsOn(), end);
            // lift = ratio^-e, so e = ln(lift) / -ln(ratio); a promotion that sold less says the discount did nothing
            double elasticity = during <= 0 ? 0 : Math.log(during / usual) / -Math.log(past.priceRatio());
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

    /** Mean units a day from {@code from} until (not including) {@code until}, days without orders counting zero. */
    private double meanDaily(String sku, String location, LocalDate from, LocalDate until) {
        long days = ChronoUnit.DAYS.between(from, until);
        if (days <= 0) {
            return 0;
        }
        return demand.between(sku, location, from, until).stream()
                        .mapToInt(DailyDemand::units)
                        .sum()
                / (double) days;
    }
}

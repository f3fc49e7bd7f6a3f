package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.promotion.PlannedPromotion;
import java.time.LocalDate;
import java.util.List;

/**
 * What planned promotions do to a SKU's expected demand: on a promotion's days the units are multiplied by the price
 * ratio to the power of minus the SKU's price elasticity (20% off with elasticity 2: 0.8^-2 = 1.56), at most the
 * configured largest factor; other days are unchanged.
 *
 * @param promotions the promotions running on some of the days asked about
 * @param elasticity the SKU's price elasticity of demand, as measured and shrunk (positive: cheaper sells more)
 * @param measuredDays the days of the SKU's past promotions the elasticity was measured on
 * @param maximumFactor the largest factor a promotion puts on a day
 * @param basis where the elasticity comes from, for people reading a plan or forecast
 */
public record PromotionLift(
        List<PlannedPromotion> promotions, double elasticity, int measuredDays, double maximumFactor, String basis) {

    /** No adjustment, and why. */
    public static PromotionLift none(String why) {
        return new PromotionLift(List.of(), 0, 0, 1, why);
    }

    public boolean adjusts() {
        return !promotions.isEmpty();
    }

    /** The factor on the expected demand of the day. */
    public double factorOn(LocalDate day) {
        for (PlannedPromotion promotion : promotions) {
            if (promotion.runsOn(day)) {
                return factorOf(promotion);
            }
        }
        return 1;
    }

    /** The factor a promotion puts on each of its days. */
    public double factorOf(PlannedPromotion promotion) {
        return Math.min(maximumFactor, Math.pow(promotion.priceRatio(), -elasticity));
    }

    /** The mean factor over {@code from} and the {@code days - 1} days after it. */
    public double meanFactorOver(LocalDate from, int days) {
        if (days <= 0) {
            return 1;
        }
        double sum = 0;
        for (int day = 0; day < days; day++) {
            sum += factorOn(from.plusDays(day));
        }
        return sum / days;
    }
}

package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.inventory.promotion.PlannedPromotion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromotionLiftTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void raisesOnlyThePromotionsDaysByThePriceRatioToTheMinusElasticity() {
        PromotionLift lift = liftOf(2.0, 5.0, promotion("20", MONDAY.plusDays(2), MONDAY.plusDays(4)));

        assertThat(lift.adjusts()).isTrue();
        assertThat(lift.factorOn(MONDAY.plusDays(1))).isEqualTo(1);
        assertThat(lift.factorOn(MONDAY.plusDays(2))).isCloseTo(1 / 0.64, within(1e-9));
        assertThat(lift.factorOn(MONDAY.plusDays(3))).isCloseTo(1 / 0.64, within(1e-9));
        assertThat(lift.factorOn(MONDAY.plusDays(4)))
                .as("the day after the last")
                .isEqualTo(1);
    }

    @Test
    void capsADeepDiscountsFactor() {
        PromotionLift lift = liftOf(3.0, 5.0, promotion("90", MONDAY, MONDAY.plusDays(1)));

        assertThat(lift.factorOn(MONDAY)).as("0.1^-3 = 1000, capped").isEqualTo(5.0);
    }

    @Test
    void averagesTheFactorOverAWindow() {
        PromotionLift lift = liftOf(2.0, 5.0, promotion("50", MONDAY.plusDays(2), MONDAY.plusDays(5)));

        assertThat(lift.meanFactorOver(MONDAY, 7)).isCloseTo((4 + 3 * 4.0) / 7, within(1e-9));
        assertThat(lift.meanFactorOver(MONDAY, 2)).isEqualTo(1);
        assertThat(lift.meanFactorOver(MONDAY, 0)).isEqualTo(1);
    }

    @Test
    void noPromotionChangesNothing() {
        PromotionLift none = PromotionLift.none("no promotion planned");

        assertThat(none.adjusts()).isFalse();
        assertThat(none.factorOn(MONDAY)).isEqualTo(1);
        assertThat(none.meanFactorOver(MONDAY, 30)).isEqualTo(1);
    }

    private static PromotionLift liftOf(double elasticity, double maximumFactor, PlannedPromotion promotion) {
        return new PromotionLift(List.of(promotion), elasticity, 0, maximumFactor, "test");
    }

    private static PlannedPromotion promotion(String percent, LocalDate startsOn, LocalDate endsOn) {
        return new PlannedPromotion(UUID.randomUUID(), new BigDecimal(percent), startsOn, endsOn);
    }
}

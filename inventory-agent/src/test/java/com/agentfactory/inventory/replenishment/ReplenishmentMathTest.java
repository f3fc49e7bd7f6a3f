package com.agentfactory.inventory.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReplenishmentMathTest {

    @Test
    void zIsTheNormalQuantileOfTheServiceLevel() {
        assertThat(ReplenishmentMath.z(0.95)).isCloseTo(1.6449, within(1e-4));
        assertThat(ReplenishmentMath.z(0.99)).isCloseTo(2.3263, within(1e-4));
    }

    @Test
    void safetyStockGrowsWithTheSquareRootOfTheLeadTime() {
        // 1.645 x 4 x sqrt(9) = 19.74 -> 20
        assertThat(ReplenishmentMath.safetyStock(0.95, 4, 9)).isEqualTo(20);
        assertThat(ReplenishmentMath.safetyStock(0.95, 0, 9)).isZero();
    }

    @Test
    void reorderPointIsLeadTimeDemandPlusSafetyStock() {
        assertThat(ReplenishmentMath.reorderPoint(12.5, 7, 20)).isEqualTo(88 + 20);
    }

    @Test
    void economicOrderQuantityFollowsWilson() {
        // D = 10 x 365 = 3650, S = 25, H = 0.25 x 2 = 0.5: sqrt(2 x 3650 x 25 / 0.5) = 604.2 -> 605
        assertThat(ReplenishmentMath.economicOrderQuantity(
                        10, new BigDecimal("25"), "GBP", 0.25, new BigDecimal("2"), "GBP"))
                .isEqualTo(605);
        assertThat(ReplenishmentMath.economicOrderQuantity(
                        0, new BigDecimal("25"), "GBP", 0.25, new BigDecimal("2"), "GBP"))
                .isZero();
    }

    @Test
    void economicOrderQuantityIsNoneWhenTheOrderingCostAndThePriceAreInDifferentCurrencies() {
        assertThat(ReplenishmentMath.economicOrderQuantity(
                        10, new BigDecimal("25"), "GBP", 0.25, new BigDecimal("2"), "JPY"))
                .isZero();
    }

    @Test
    void prefersSuppliersInTheBudgetsCurrencyAndComparesPricesOnlyWithinOneCurrency() {
        Supplier yen = supplier(3, "100", "JPY");
        Supplier pounds = supplier(7, "5", "GBP");
        Supplier cheaperPounds = supplier(7, "4", "GBP");
        Supplier dollars = supplier(3, "2", "USD");
        Supplier cheapYen = supplier(3, "1", "JPY");

        var ranked = java.util.stream.Stream.of(yen, pounds, cheaperPounds, dollars, cheapYen)
                .sorted(ReplenishmentMath.supplierPreference("GBP"))
                .toList();

        // the budget's currency first whatever the lead time; then lead time; ties grouped by currency, cheapest first
        assertThat(ranked).containsExactly(cheaperPounds, pounds, cheapYen, yen, dollars);
    }

    private static Supplier supplier(int leadTimeDays, String unitCost, String currency) {
        return new Supplier(
                currency + " supplier",
                leadTimeDays,
                1,
                1,
                new BigDecimal(unitCost),
                currency,
                java.util.Set.of("SKU"),
                java.time.Instant.EPOCH);
    }

    @Test
    void orderQuantityIsAtLeastTheMinimumInWholePacks() {
        assertThat(ReplenishmentMath.orderQuantity(605, 40, 100, 24)).isEqualTo(624);
        assertThat(ReplenishmentMath.orderQuantity(0, 30, 100, 24)).isEqualTo(120);
        assertThat(ReplenishmentMath.orderQuantity(0, 250, 100, 1)).isEqualTo(250);
    }
}

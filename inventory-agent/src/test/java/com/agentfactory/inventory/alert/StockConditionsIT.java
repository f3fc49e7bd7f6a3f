package com.agentfactory.inventory.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StockConditionsIT extends InventoryIntegrationTest {

    @Autowired
    StockConditions conditions;

    @Autowired
    StockService stock;

    @Test
    void raisesOverstockOncePerCrossing() {
        String sku = stocked(500);
        sold(sku, 60, 1); // one a day: 500 days of cover

        assertThat(conditions.check(sku)).containsExactly("overstock");
        assertThat(conditions.check(sku)).isEmpty();
        assertThat(api.get("/api/v1/inventory/alerts?type=overstock&sku=" + sku).text("/items/0/suggested_action"))
                .startsWith("markdown");
    }

    @Test
    void raisesSlowMovingWhenTheLastSaleIsOlderThanTheWindow() {
        String sku = stocked(10);
        jdbc.update(
                "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, 40)",
                sku,
                today().minusDays(40)); // a mean of one a day since: ten days of cover, not overstock

        assertThat(conditions.check(sku)).containsExactly("slow_moving");
    }

    @Test
    void raisesExpiryRiskForPerishableStockExpiringSoon() {
        String sku = stocked(0);
        stock.receivedFromSupplier(sku, "main", 5, today().plusDays(10));

        assertThat(conditions.check(sku)).containsExactly("expiry_risk");
        assertThat(stockOf(sku)
                        .body()
                        .path("locations")
                        .get(0)
                        .path("expires_on")
                        .asString())
                .isEqualTo(today().plusDays(10).toString());
        assertThat(api.get("/api/v1/inventory/alerts?type=expiry_risk&sku=" + sku)
                        .body()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    private void sold(String sku, int days, int units) {
        for (int i = 1; i <= days; i++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                    sku,
                    today().minusDays(i),
                    units);
        }
    }
}

package com.agentfactory.inventory.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.messaging.testing.LockWaits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class StockConditionsIT extends InventoryIntegrationTest {

    @Autowired
    StockConditions conditions;

    @Autowired
    StockService stock;

    @Autowired
    DataSource dataSource;

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

    @Test
    void twoOverlappingChecksRaiseACrossingOnce() throws Exception {
        String sku = stocked(500);
        sold(sku, 60, 1);

        List<String> first;
        List<String> second;
        try (var holder = dataSource.getConnection();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.setAutoCommit(false);
            // an earlier check's "does not hold", not yet committed: both checks read no state and then queue on it
            try (var earlier = holder.prepareStatement(
                    "INSERT INTO stock_condition_states (sku, location, condition, holds, changed_at)"
                            + " VALUES (?, 'main', 'OVERSTOCK', false, now())")) {
                earlier.setString(1, sku);
                earlier.executeUpdate();
            }
            int holderPid = LockWaits.backendPid(holder);
            var checking = executor.submit(() -> conditions.check(sku));
            var checkingAgain = executor.submit(() -> conditions.check(sku));
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> jdbc.queryForObject(
                                    "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))",
                                    Long.class,
                                    holderPid),
                            waiting -> waiting == 2);
            holder.commit();
            first = checking.get();
            second = checkingAgain.get();
        }

        assertThat(List.of(first, second)).containsExactlyInAnyOrder(List.of("overstock"), List.of());
        assertThat(api.get("/api/v1/inventory/alerts?type=overstock&sku=" + sku)
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

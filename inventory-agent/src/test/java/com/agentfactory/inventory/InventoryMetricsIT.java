package com.agentfactory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InventoryMetricsIT extends InventoryIntegrationTest {

    private static final List<String> MODELS =
            List.of("ets", "croston", "sba", "tsb", "median_8", "xgboost", "ensemble");
    private static final List<String> ALERT_TYPES =
            List.of("low_stock", "out_of_stock", "overstock", "slow_moving", "expiry_risk");
    private static final List<String> ORDER_STATES =
            List.of("suggested", "approved", "ordered", "received", "rejected", "cancelled");

    @Autowired
    MeterRegistry meters;

    @Test
    void publishesEveryDomainMetric() {
        assertThat(meters.find("inventory.forecasts").tag("source", "request").counter())
                .isNotNull();
        assertThat(meters.find("inventory.forecasts").tag("source", "daily-run").counter())
                .isNotNull();
        MODELS.forEach(model -> assertThat(meters.find("inventory.forecast.calibration.wape")
                        .tag("model", model)
                        .gauge())
                .as(model)
                .isNotNull());
        ALERT_TYPES.forEach(type -> assertThat(
                        meters.find("inventory.alerts.raised").tag("type", type).counter())
                .as(type)
                .isNotNull());
        ORDER_STATES.forEach(status -> assertThat(meters.find("inventory.purchase.orders")
                        .tag("status", status)
                        .gauge())
                .as(status)
                .isNotNull());
    }

    @Test
    void countsForecastsWithTheirCalibrationErrorAndAlertsAsTheyHappen() {
        String sku = stocked(1);
        LocalDate origin = LocalDate.of(2008, 3, 3);
        for (int day = 1; day <= 20 * 7; day++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                    sku,
                    origin.minusDays(day),
                    3 + day % 4);
        }
        double forecasts = meters.get("inventory.forecasts")
                .tag("source", "request")
                .counter()
                .count();
        double outOfStock = meters.get("inventory.alerts.raised")
                .tag("type", "out_of_stock")
                .counter()
                .count();

        var forecast = api.post(
                "/api/v1/inventory/forecasts", Map.of("sku", sku, "horizon_days", 7, "origin", origin.toString()));
        publish(CommerceEventMother.order(sku, 1));

        assertThat(forecast.status()).isEqualTo(200);
        assertThat(meters.get("inventory.forecasts")
                        .tag("source", "request")
                        .counter()
                        .count())
                .isEqualTo(forecasts + 1);
        assertThat(meters.get("inventory.forecast.calibration.wape")
                        .tag("model", "ensemble")
                        .gauge()
                        .value())
                .isBetween(0.0, 1.0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(meters.get("inventory.alerts.raised")
                        .tag("type", "out_of_stock")
                        .counter()
                        .count())
                .isEqualTo(outOfStock + 1));
        assertThat(meters.get("inventory.purchase.orders")
                        .tag("status", "suggested")
                        .gauge()
                        .value())
                .isEqualTo(jdbc.queryForObject(
                                "SELECT count(*) FROM purchase_orders WHERE status = 'SUGGESTED'", Long.class)
                        .doubleValue());
    }
}

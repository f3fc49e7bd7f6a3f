package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandForecastIT extends InventoryIntegrationTest {

    private static final int[] WEEK = {3, 4, 3, 5, 8, 12, 1};
    private static final LocalDate FIRST_DAY = LocalDate.of(2011, 6, 1);

    @Test
    void forecastsTheWeeklyPatternOfPastOrdersWithTheEnsembleAndIntervals() {
        String sku = stocked(10_000);
        // twenty earlier weeks straight into the history, the last four through the order feed
        for (int day = -140; day < 0; day++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                    sku,
                    FIRST_DAY.plusDays(day),
                    WEEK[Math.floorMod(day, 7)]);
        }
        int total = 20 * 36 + publishFourWeeksOfOrders(sku);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT coalesce(sum(units), 0) FROM daily_demand WHERE sku = ?", Integer.class, sku)
                        == total);
        LocalDate origin = FIRST_DAY.plusDays(28);

        Api.Response forecast = api.post(
                "/api/v1/inventory/forecasts", Map.of("sku", sku, "horizon_days", 7, "origin", origin.toString()));

        assertThat(forecast.status()).isEqualTo(200);
        assertThat(forecast.text("/model")).isEqualTo("ensemble");
        assertThat(forecast.body().path("history_days").asInt()).isEqualTo(24 * 7);
        assertThat(forecast.body().path("calibration_weeks").asInt()).isEqualTo(1);
        assertThat(forecast.body().path("pooled_skus").asInt()).isBetween(1, 30);
        var weights = forecast.body().path("weights");
        assertThat(weights.propertyNames()).contains("ets", "croston", "sba", "tsb", "median_8", "xgboost");
        double weightSum = 0;
        for (String model : weights.propertyNames()) {
            weightSum += weights.path(model).asDouble();
        }
        assertThat(weightSum).isCloseTo(1.0, within(0.01));
        var days = forecast.body().path("days");
        assertThat(days.size()).isEqualTo(7);
        for (int i = 0; i < 7; i++) {
            var day = days.get(i);
            assertThat(day.path("date").asString()).isEqualTo(origin.plusDays(i).toString());
            assertThat(day.path("expected").asDouble()).isCloseTo(WEEK[(28 + i) % 7], within(1.0));
            assertThat(day.path("lower_95").asDouble())
                    .isLessThanOrEqualTo(day.path("lower_80").asDouble());
            assertThat(day.path("lower_80").asDouble())
                    .isLessThanOrEqualTo(day.path("expected").asDouble());
            assertThat(day.path("upper_80").asDouble())
                    .isGreaterThanOrEqualTo(day.path("expected").asDouble());
            assertThat(day.path("upper_95").asDouble())
                    .isGreaterThanOrEqualTo(day.path("upper_80").asDouble());
        }
    }

    @Test
    void refusesForecastsItCannotMake() {
        String sku = stocked(10);
        publish(CommerceEventMother.order(sku, 1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(stockOf(sku).body().path("on_hand").asInt()).isEqualTo(9));
        String today = today().plusDays(1).toString();

        Api.Response tooLittleHistory =
                api.post("/api/v1/inventory/forecasts", Map.of("sku", sku, "horizon_days", 7, "origin", today));
        Api.Response unknownSku =
                api.post("/api/v1/inventory/forecasts", Map.of("sku", "NO-SUCH-SKU", "horizon_days", 7));
        Api.Response tooFar = api.post("/api/v1/inventory/forecasts", Map.of("sku", sku, "horizon_days", 184));

        assertThat(tooLittleHistory.status()).isEqualTo(422);
        assertThat(tooLittleHistory.errorFields()).containsExactly("origin");
        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.errorFields()).containsExactly("horizon_days");
    }

    @Test
    void refusesAnOriginOutsideACenturyOfToday() {
        String sku = stocked(10);

        for (LocalDate origin : List.of(LocalDate.MIN, LocalDate.MAX, today().minusYears(101))) {
            Api.Response refused = api.post(
                    "/api/v1/inventory/forecasts", Map.of("sku", sku, "horizon_days", 7, "origin", origin.toString()));

            assertThat(refused.status()).as(origin.toString()).isEqualTo(422);
            assertThat(refused.errorFields()).containsExactly("origin");
        }
    }

    private int publishFourWeeksOfOrders(String sku) {
        int total = 0;
        for (int day = 0; day < 28; day++) {
            Instant at = FIRST_DAY.plusDays(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
            publish(CommerceEventMother.placedAt(CommerceEventMother.order(sku, WEEK[day % 7]), at));
            total += WEEK[day % 7];
        }
        return total;
    }
}

package com.agentfactory.inventory.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandSignalsIT extends InventoryIntegrationTest {

    @Test
    void liftsTheSkuWhoseCartsSurgeAndLeavesASteadyOneAlone() {
        String surging = stocked(100);
        String steady = stocked(100);

        cartHistory(surging, 1, 12); // twelve units in the last day where one a day is usual
        cartHistory(steady, 2, 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var lift = signalsOf(surging);
            // (about 12 + 5) / (about 1 + 5), the prior of 5 smoothing both
            assertThat(lift.path("lift").asDouble()).isBetween(2.6, 2.9);
            assertThat(lift.path("adjusts").asBoolean()).isTrue();
            assertThat(lift.path("recent_daily_signals").asDouble()).isBetween(11.5, 12.0);
            assertThat(lift.path("baseline_daily_signals").asDouble()).isCloseTo(1.0, within(0.1));
        });
        var factors = signalsOf(surging).path("factors");
        assertThat(factors.size()).isEqualTo(7);
        assertThat(factors.get(1).asDouble()).isLessThan(factors.get(0).asDouble());
        assertThat(factors.get(6).asDouble())
                .isGreaterThan(1.0)
                .isLessThan(factors.get(1).asDouble());
        // the last hour's cart addition may be read after the history: the lift is 1 only once both are counted
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var lift = signalsOf(steady);
            assertThat(lift.path("baseline_daily_signals").asDouble()).isGreaterThan(1.9);
            assertThat(lift.path("recent_daily_signals").asDouble()).isGreaterThan(1.9);
        });
        assertThat(signalsOf(steady).path("lift").asDouble()).isCloseTo(1.0, within(0.03));
    }

    @Test
    void countsTenViewsAsOneUnitInACartAndEachEventOnce() {
        String sku = stocked(100);
        cartHistory(sku, 1, 0);
        var view = CommerceEventMother.viewed(sku, Instant.now().minus(Duration.ofMinutes(5)));
        publish(view);
        publish(view); // delivered twice, counted once
        for (int i = 0; i < 19; i++) {
            publish(CommerceEventMother.viewed(sku, Instant.now()));
        }

        // 20 views in the last day, worth 2 units put in a cart, over a window of 24 to 25 hours
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        signalsOf(sku).path("recent_daily_signals").asDouble())
                .isBetween(1.9, 2.0));
    }

    @Test
    void countsViewsAndCartsThatArriveBeforeTheirProduct() {
        String sku = CommerceEventMother.freshSku();
        cartHistory(sku, 1, 12);

        publish(CommerceEventMother.product(sku, 10));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(signalsOf(sku).path("lift").asDouble()).isBetween(2.6, 2.9));
    }

    @Test
    void aForecastFromTodayCarriesTheLiftFadingOverTheDaysAhead() {
        int[] week = {3, 4, 3, 5, 8, 12, 1}; // Monday to Sunday
        String surging = stocked(10_000);
        String steady = stocked(10_000);
        LocalDate today = today();
        // the same 24 weeks of orders for both, so the models forecast them alike
        for (int day = 1; day <= 24 * 7; day++) {
            LocalDate date = today.minusDays(day);
            for (String sku : new String[] {surging, steady}) {
                jdbc.update(
                        "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                        sku,
                        date,
                        week[date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]);
            }
        }
        cartHistory(surging, 1, 12); // the other SKU has no signals: usual and recent alike, nothing to lift
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(signalsOf(surging).path("lift").asDouble()).isGreaterThan(2.6));

        Api.Response lifted = api.post("/api/v1/inventory/forecasts", Map.of("sku", surging, "horizon_days", 7));
        Api.Response plain = api.post("/api/v1/inventory/forecasts", Map.of("sku", steady, "horizon_days", 7));

        assertThat(lifted.status()).isEqualTo(200);
        assertThat(plain.status()).isEqualTo(200);
        var signals = lifted.body().path("signals");
        assertThat(signals.path("applied").asBoolean()).isTrue();
        double lift = signals.path("lift").asDouble();
        assertThat(lift).isBetween(2.6, 2.9);
        assertThat(plain.body().path("signals").path("lift").asDouble()).isEqualTo(1.0);
        assertThat(plain.body().path("signals").path("applied").asBoolean()).isFalse();
        for (int day = 0; day < 7; day++) {
            var liftedDay = lifted.body().path("days").get(day);
            var plainDay = plain.body().path("days").get(day);
            double factor = 1 + (lift - 1) * Math.pow(0.7, day);
            double expected = factor * plainDay.path("expected").asDouble();
            double upper95 = factor * plainDay.path("upper_95").asDouble();
            assertThat(liftedDay.path("date").asString())
                    .isEqualTo(today.plusDays(day).toString());
            // alike, not identical: each SKU's forecast weighs the pooled models by its own backtest
            assertThat(liftedDay.path("expected").asDouble())
                    .as("day %d", day)
                    .isCloseTo(expected, within(0.03 * expected + 0.05));
            assertThat(liftedDay.path("upper_95").asDouble()).isCloseTo(upper95, within(0.03 * upper95 + 0.05));
        }
    }

    @Test
    void aForecastFromAnotherDayIsNotAdjusted() {
        String sku = stocked(100);
        cartHistory(sku, 1, 12);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(signalsOf(sku).path("adjusts").asBoolean()).isTrue());
        LocalDate today = today();
        for (int day = 1; day <= 20 * 7; day++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, 2)",
                    sku,
                    today.minusDays(day + 7));
        }

        Api.Response lastWeek = api.post(
                "/api/v1/inventory/forecasts",
                Map.of(
                        "sku",
                        sku,
                        "horizon_days",
                        7,
                        "origin",
                        today.minusDays(7).toString()));

        assertThat(lastWeek.status()).isEqualTo(200);
        assertThat(lastWeek.body().path("signals").path("applied").asBoolean()).isFalse();
        assertThat(lastWeek.body().path("signals").path("lift").asDouble()).isEqualTo(1.0);
    }

    @Test
    void refusesSignalsOfAnUnknownSku() {
        Api.Response unknown = api.get("/api/v1/inventory/signals/NO-SUCH-SKU");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asString()).contains("NO-SUCH-SKU");
    }

    private tools.jackson.databind.JsonNode signalsOf(String sku) {
        Api.Response response = api.get("/api/v1/inventory/signals/" + sku);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}

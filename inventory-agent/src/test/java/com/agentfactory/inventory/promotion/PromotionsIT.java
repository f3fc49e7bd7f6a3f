package com.agentfactory.inventory.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.RoleApi;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class PromotionsIT extends InventoryIntegrationTest {

    private static final String PROMOTIONS = "/api/v1/inventory/promotions";
    private static final String FORECASTS = "/api/v1/inventory/forecasts";

    @LocalServerPort
    int serverPort;

    RoleApi manager;
    LocalDate today;

    @BeforeEach
    void signIn() {
        manager = new RoleApi(serverPort, "maria", "MARKETING_MANAGER");
        today = today();
    }

    @Test
    void plansAndCancelsAPromotionWithWhoAndWhy() {
        String sku = stocked(50);

        Api.Response planned = manager.post(PROMOTIONS, promotion(sku, "20", today.plusDays(3), today.plusDays(10)));

        assertThat(planned.status()).isEqualTo(201);
        assertThat(planned.text("/created_by")).isEqualTo("maria");
        assertThat(planned.body().path("discount_percent").decimalValue()).isEqualByComparingTo("20");
        assertThat(planned.text("/starts_on")).isEqualTo(today.plusDays(3).toString());
        String id = planned.text("/id");
        assertThat(api.get(PROMOTIONS + "/" + id).text("/reason")).isEqualTo("winter sale");

        Api.Response cancelled = manager.post(PROMOTIONS + "/" + id + "/cancel", Map.of("reason", "stock too low"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("/cancelled_by")).isEqualTo("maria");
        assertThat(cancelled.text("/cancel_reason")).isEqualTo("stock too low");
        assertThat(manager.post(PROMOTIONS + "/" + id + "/cancel", Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        assertThat(manager.post(PROMOTIONS, promotion(sku, "30", today.plusDays(5), today.plusDays(8)))
                        .status())
                .as("a cancelled promotion leaves its days free")
                .isEqualTo(201);
        JsonNode history = api.get(PROMOTIONS + "?sku=" + sku).body();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("starts_on").asString())
                .as("latest start first")
                .isEqualTo(today.plusDays(5).toString());
    }

    @Test
    void refusesPromotionsWithoutTheRoleOrWithBadTerms() {
        String sku = stocked(5);
        Map<String, Object> good = promotion(sku, "25", today.plusDays(1), today.plusDays(8));

        Api.Response roleless = api.withToken(TestTokens.staff("no-role")).post(PROMOTIONS, good);
        Api.Response free = manager.post(PROMOTIONS, with(good, "discount_percent", 0));
        Api.Response tooDeep = manager.post(PROMOTIONS, with(good, "discount_percent", 95));
        Api.Response tooPrecise = manager.post(PROMOTIONS, with(good, "discount_percent", new BigDecimal("12.345")));
        Api.Response backwards = manager.post(PROMOTIONS, with(good, "ends_on", today.toString()));
        Api.Response backdated = manager.post(
                PROMOTIONS, with(good, "starts_on", today.minusDays(1).toString()));
        Api.Response tooFarAhead = manager.post(
                PROMOTIONS,
                with(
                        with(good, "starts_on", today.plusYears(3).toString()),
                        "ends_on",
                        today.plusYears(3).plusDays(7).toString()));
        Api.Response endless = manager.post(
                PROMOTIONS, with(good, "ends_on", today.plusDays(400).toString()));
        Api.Response beyondTheCalendar = manager.post(PROMOTIONS, with(good, "ends_on", "+999999-01-01"));
        Api.Response unknown = manager.post(PROMOTIONS, with(good, "sku", "NO-SUCH-SKU"));

        assertThat(roleless.status()).isEqualTo(403);
        assertThat(free.status()).isEqualTo(400);
        assertThat(free.errorFields()).containsExactly("discount_percent");
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.errorFields()).containsExactly("discount_percent");
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.errorFields()).containsExactly("discount_percent");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.errorFields()).containsExactly("ends_on");
        assertThat(backdated.status()).isEqualTo(422);
        assertThat(backdated.errorFields()).containsExactly("starts_on");
        assertThat(tooFarAhead.status()).isEqualTo(422);
        assertThat(tooFarAhead.errorFields()).containsExactly("starts_on");
        assertThat(endless.status()).isEqualTo(422);
        assertThat(endless.errorFields()).containsExactly("ends_on");
        assertThat(beyondTheCalendar.status()).isEqualTo(422);
        assertThat(beyondTheCalendar.errorFields()).containsExactly("ends_on");
        assertThat(unknown.status()).isEqualTo(404);
        Api.Response planned = manager.post(PROMOTIONS, good);
        assertThat(planned.status()).isEqualTo(201);
        assertThat(manager.post(
                                PROMOTIONS,
                                with(good, "starts_on", today.plusDays(7).toString()))
                        .status())
                .as("overlaps the one planned")
                .isEqualTo(409);
        assertThat(manager.post(
                                PROMOTIONS,
                                with(
                                        with(
                                                good,
                                                "starts_on",
                                                today.plusDays(8).toString()),
                                        "ends_on",
                                        today.plusDays(9).toString()))
                        .status())
                .as("starts the day after the last day of the one planned")
                .isEqualTo(201);
        assertThat(api.withToken(TestTokens.staff("no-role"))
                        .post(PROMOTIONS + "/" + planned.text("/id") + "/cancel", Map.of("reason", "why not"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(PROMOTIONS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void plannersOfOneSkuAtTheSameMomentGetOnePromotion() throws Exception {
        String sku = stocked(5);
        Map<String, Object> sale = promotion(sku, "15", today.plusDays(2), today.plusDays(9));
        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(executor.submit(() -> manager.post(PROMOTIONS, sale).status()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(api.get(PROMOTIONS + "?sku=" + sku).body().size()).isEqualTo(1);
    }

    @Test
    void aPromotionCalledOffAfterItStartedEndsTodayAndKeepsTheDaysItRan() {
        String sku = stocked(10_000);
        weeksOfOrders(sku, 24);
        // half price since 14 days ago, for another week: the units doubled on the days it ran
        LocalDate start = today.minusDays(14);
        doubledFrom(sku, start, 14);
        UUID running = pastPromotion(sku, 50, start, today.plusDays(7));
        UUID ended = pastPromotion(sku, 30, today.minusDays(100), today.minusDays(90));

        Api.Response cancelled =
                manager.post(PROMOTIONS + "/" + running + "/cancel", Map.of("reason", "the supplier raised prices"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("cut_short").asBoolean()).isTrue();
        assertThat(cancelled.text("/ends_on")).isEqualTo(today.toString());
        assertThat(manager.post(PROMOTIONS + "/" + ended + "/cancel", Map.of("reason", "too late"))
                        .status())
                .as("an ended promotion stays on record as it ran")
                .isEqualTo(409);
        assertThat(manager.post(PROMOTIONS, promotion(sku, "50", today.plusDays(1), today.plusDays(3)))
                        .status())
                .isEqualTo(201);
        JsonNode promotions = api.post(FORECASTS, Map.of("sku", sku, "horizon_days", 7))
                .body()
                .path("promotions");
        assertThat(promotions.path("measured_days").asInt())
                .as("the 14 days it ran and the 10 days of the 30% promotion before it, when no order changed")
                .isEqualTo(24);
        assertThat(promotions.path("running").size())
                .as("only the new one runs from today on")
                .isEqualTo(1);
    }

    @Test
    void aForecastExpectsMoreOnAPromotionsDaysByTheAssumedElasticity() {
        String sku = stocked(10_000);
        weeksOfOrders(sku, 24);
        Api.Response before = api.post(FORECASTS, Map.of("sku", sku, "horizon_days", 14));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().path("promotions").path("running").size()).isZero();

        assertThat(manager.post(PROMOTIONS, promotion(sku, "20", today.plusDays(3), today.plusDays(6)))
                        .status())
                .isEqualTo(201);
        Api.Response after = api.post(FORECASTS, Map.of("sku", sku, "horizon_days", 14));

        assertThat(after.status()).isEqualTo(200);
        JsonNode promotions = after.body().path("promotions");
        assertThat(promotions.path("elasticity").asDouble())
                .as("no past promotion of the SKU: the prior")
                .isEqualTo(2.0);
        assertThat(promotions.path("measured_days").asInt()).isZero();
        double factor = Math.pow(0.8, -2);
        assertThat(promotions.path("running").get(0).path("factor").asDouble()).isCloseTo(factor, within(0.001));
        for (int day = 0; day < 14; day++) {
            JsonNode plain = before.body().path("days").get(day);
            JsonNode promoted = after.body().path("days").get(day);
            double expected = day >= 3 && day < 6 ? factor : 1;
            assertThat(promoted.path("expected").asDouble())
                    .as("day %d", day)
                    .isCloseTo(expected * plain.path("expected").asDouble(), within(0.02));
            assertThat(promoted.path("upper_95").asDouble())
                    .isCloseTo(expected * plain.path("upper_95").asDouble(), within(0.02));
        }
    }

    @Test
    void theElasticityIsMeasuredOnTheSkusOwnPastPromotions() {
        String sku = stocked(10_000);
        weeksOfOrders(sku, 24);
        // half price from 40 to 26 days ago doubled the units: elasticity 1 (0.5^-1 = 2) over 14 days
        LocalDate start = today.minusDays(40);
        doubledFrom(sku, start, 14);
        pastPromotion(sku, 50, start, start.plusDays(14));
        // 2% off before it changed nothing: too small a cut to measure an elasticity on, so it is not counted
        pastPromotion(sku, 2, today.minusDays(60), today.minusDays(53));
        assertThat(manager.post(PROMOTIONS, promotion(sku, "50", today.plusDays(1), today.plusDays(3)))
                        .status())
                .isEqualTo(201);

        JsonNode promotions = api.post(FORECASTS, Map.of("sku", sku, "horizon_days", 7))
                .body()
                .path("promotions");

        assertThat(promotions.path("measured_days").asInt()).isEqualTo(14);
        // the weekly pattern repeats, so the 28 days before the promotion are its usual level: (14 x 1 + 14 x 2) / 28
        assertThat(promotions.path("elasticity").asDouble()).isCloseTo(1.5, within(0.01));
        assertThat(promotions.path("running").get(0).path("factor").asDouble())
                .isCloseTo(Math.pow(0.5, -1.5), within(0.01));
        assertThat(promotions.path("basis").asString()).contains("measured on 14 promotion days");
    }

    @Test
    void aPromotionWithinTheLeadTimeRaisesTheReorderPointUntilItIsCancelled() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4);
        weeklySupplier(manager, sku);
        assertThat(suggestionsFor(manager, sku)).isEmpty();
        assertThat(planOf(sku).get("reorder_point")).as("4 a day x 7 days").isEqualTo(28);

        // half price for 3 of the 7 days of the lead time, prior elasticity 2: those days sell 4 times as much
        Api.Response planned = manager.post(PROMOTIONS, promotion(sku, "50", today.plusDays(2), today.plusDays(5)));
        assertThat(planned.status()).isEqualTo(201);

        assertThat(suggestionsFor(manager, sku))
                .as("4 x 4 + 12 x 4 = 64 is above the 60 on hand")
                .hasSize(1);
        // the mean factor over the lead time is 16/7, computed as the planner does
        assertThat(planOf(sku).get("reorder_point")).isEqualTo((int) Math.ceil(4.0 * (16.0 / 7) * 7));
        assertThat((String) planOf(sku).get("demand_source")).contains("promotions x2.29 over the lead time");

        manager.post(PROMOTIONS + "/" + planned.text("/id") + "/cancel", Map.of("reason", "called off"));
        suggestionsFor(manager, sku);
        assertThat(planOf(sku).get("reorder_point")).isEqualTo(28);
    }

    @Test
    void aPersonsOverrideOutweighsAPromotionInTheReorderPlan() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4);
        weeklySupplier(manager, sku);
        assertThat(manager.post(PROMOTIONS, promotion(sku, "50", today.plusDays(2), today.plusDays(5)))
                        .status())
                .isEqualTo(201);
        assertThat(overrideFor(manager, sku, 10, today.plusDays(30), "the promotion's demand, as the buyer expects it")
                        .status())
                .isEqualTo(201);

        suggestionsFor(manager, sku);

        assertThat(planOf(sku).get("reorder_point"))
                .as("10 a day x 7 days, not raised again")
                .isEqualTo(70);
        assertThat((String) planOf(sku).get("demand_source"))
                .contains("override")
                .doesNotContain("promotions x");
    }

    /** A promotion as it was planned in the past (the API plans from today on). */
    private UUID pastPromotion(String sku, int discountPercent, LocalDate startsOn, LocalDate endsOn) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO promotions (id, sku, discount_percent, starts_on, ends_on, created_by, reason, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'maria', 'a past sale', ?)",
                id,
                sku,
                discountPercent,
                startsOn,
                endsOn,
                Timestamp.from(Instant.now()));
        return id;
    }

    private void doubledFrom(String sku, LocalDate start, int days) {
        for (int day = 0; day < days; day++) {
            jdbc.update(
                    "UPDATE daily_demand SET units = 2 * units WHERE sku = ? AND location = 'main' AND day = ?",
                    sku,
                    start.plusDays(day));
        }
    }

    private Map<String, Object> promotion(String sku, String discount, LocalDate startsOn, LocalDate endsOn) {
        return Map.of(
                "sku",
                sku,
                "discount_percent",
                new BigDecimal(discount),
                "starts_on",
                startsOn.toString(),
                "ends_on",
                endsOn.toString(),
                "reason",
                "winter sale");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    /** The same week of orders, Monday to Sunday, for the given number of weeks before today. */
    private void weeksOfOrders(String sku, int weeks) {
        int[] week = {3, 4, 3, 5, 8, 12, 1};
        for (int day = 1; day <= weeks * 7; day++) {
            LocalDate date = today.minusDays(day);
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                    sku,
                    date,
                    week[date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]);
        }
    }
}

package com.agentfactory.inventory.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.RoleApi;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.TestTokens;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ForecastOverrideIT extends InventoryIntegrationTest {

    private static final String OVERRIDES = "/api/v1/inventory/forecast-overrides";
    private static final String SUGGESTIONS = "/api/v1/inventory/purchase-orders/suggestions";

    @LocalServerPort
    int serverPort;

    @Autowired
    DemandOutlook outlook;

    RoleApi manager;
    LocalDate today;

    @BeforeEach
    void signIn() {
        manager = new RoleApi(serverPort, "maria", "MARKETING_MANAGER");
        today = today();
    }

    @Test
    void reorderPlansUseAPersonsOverrideUntilItIsRevoked() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4); // 4 a day, no spread: reorder point 4 x 7 = 28, 60 on hand is enough
        weeklySupplier(manager, sku);
        assertThat(suggestionsFor(manager, sku)).isEmpty();
        assertThat(planOf(sku).get("reorder_point")).isEqualTo(28);

        Api.Response created =
                overrideFor(manager, sku, 10, today.plusDays(30), "a promotion doubles sales next month");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/created_by")).isEqualTo("maria");
        assertThat(created.text("/valid_from")).isEqualTo(today.toString());
        String id = created.text("/id");
        assertThat(suggestionsFor(manager, sku))
                .as("10 a day x 7 = 70 is above the 60 on hand")
                .hasSize(1);
        assertThat(planOf(sku))
                .containsEntry("reorder_point", 70)
                .containsEntry("demand_source", "override " + id + " by maria");

        Api.Response revoked = manager.post(OVERRIDES + "/" + id + "/revoke", Map.of("reason", "promotion cancelled"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.text("/revoked_by")).isEqualTo("maria");
        suggestionsFor(manager, sku);
        assertThat(planOf(sku).get("reorder_point")).isEqualTo(28);
        assertThat(manager.post(OVERRIDES + "/" + id + "/revoke", Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);
        var history = api.get(OVERRIDES + "?sku=" + sku).body();
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("reason").asString()).isEqualTo("a promotion doubles sales next month");
        assertThat(history.get(0).path("revoke_reason").asString()).isEqualTo("promotion cancelled");
    }

    @Test
    void anOverrideExpiresOnItsLastDay() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4);
        Api.Response created = manager.post(
                OVERRIDES,
                Map.of(
                        "sku",
                        sku,
                        "daily_units",
                        9,
                        "valid_from",
                        today.plusDays(2).toString(),
                        "valid_until",
                        today.plusDays(5).toString(),
                        "reason",
                        "a trade fair"));
        assertThat(created.status()).isEqualTo(201);

        assertThat(outlook.profileOf(sku, null, today.plusDays(1), 90).meanDaily())
                .isLessThan(9);
        assertThat(outlook.profileOf(sku, null, today.plusDays(2), 90).meanDaily())
                .isEqualTo(9);
        assertThat(outlook.profileOf(sku, null, today.plusDays(4), 90).meanDaily())
                .isEqualTo(9);
        assertThat(outlook.profileOf(sku, "main", today.plusDays(4), 90).meanDaily())
                .as("all of it at the one warehouse that sold it")
                .isEqualTo(9);
        assertThat(outlook.profileOf(sku, null, today.plusDays(5), 90).source()).isEqualTo(DemandOutlook.SOURCE);
    }

    @Test
    void refusesOverridesWithoutTheRoleOrWithBadTerms() {
        String sku = stocked(5);
        Map<String, Object> good = Map.of(
                "sku", sku, "daily_units", 3, "valid_until", today.plusDays(3).toString(), "reason", "why");

        Api.Response roleless = api.withToken(TestTokens.staff("no-role")).post(OVERRIDES, good);
        Api.Response negative = manager.post(OVERRIDES, with(good, "daily_units", -1));
        Api.Response expired = manager.post(OVERRIDES, with(good, "valid_until", today.toString()));
        Api.Response noReason = manager.post(OVERRIDES, with(good, "reason", " "));
        Api.Response unknown = manager.post(OVERRIDES, with(good, "sku", "NO-SUCH-SKU"));
        Api.Response beyondTheCalendar = manager.post(OVERRIDES, with(good, "valid_until", "+999999-01-01"));
        Api.Response longAgo = manager.post(
                OVERRIDES, with(good, "valid_from", today.minusYears(6).toString()));

        assertThat(roleless.status()).isEqualTo(403);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("daily_units");
        assertThat(expired.status()).isEqualTo(422);
        assertThat(expired.errorFields()).containsExactly("valid_until");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(beyondTheCalendar.status()).isEqualTo(422);
        assertThat(beyondTheCalendar.errorFields()).containsExactly("valid_until");
        assertThat(longAgo.status()).isEqualTo(422);
        assertThat(longAgo.errorFields()).containsExactly("valid_from");
        assertThat(api.get(OVERRIDES + "/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        var copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}

package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** An end-to-end test class on the one running platform, calling as the bootstrap admin. */
abstract class AsAdminOnThePlatform {

    static RunningPlatform platform;
    static String adminToken;

    @BeforeAll
    static void startPlatformAndSignIn() {
        platform = RunningPlatform.get();
        adminToken = login(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD);
    }

    static String login(String email, String password) {
        Http.Reply reply = Http.post(gateway("/api/v1/auth/login"), null, Map.of("email", email, "password", password));
        assertThat(reply.status()).isEqualTo(200);
        return reply.text("/access_token");
    }

    static String gateway(String path) {
        return platform.gateway.baseUrl() + path;
    }

    /**
     * Announces the products, waits until the inventory agent has stocked the first one with its feed quantity, then
     * sells {@code perDay} of it on each of the last {@code days} days. Products and orders travel on different
     * topics, so sent together an order can arrive before its product and be backordered, after which the feed's
     * quantity no longer counts (the agent's own count is the truth for a stocked SKU).
     *
     * @return the units left on hand
     */
    static int stockThenSell(List<Map<String, Object>> products, int perDay, int days) {
        String sku = (String) products.getFirst().get("sku");
        int stocked = (Integer) products.getFirst().get("stock_quantity");
        assertThat(Http.post(gateway("/api/v1/events/batch"), adminToken, Map.of("events", products))
                        .status())
                .isEqualTo(200);
        awaitOnHand(sku, stocked);
        List<Map<String, Object>> orders = new ArrayList<>();
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int day = days; day >= 1; day--) {
            orders.add(CommerceEvents.order(
                    sku, perDay, today.minus(day, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS)));
        }
        assertThat(Http.post(gateway("/api/v1/events/batch"), adminToken, Map.of("events", orders))
                        .status())
                .isEqualTo(200);
        int left = stocked - perDay * days;
        awaitOnHand(sku, left);
        return left;
    }

    private static void awaitOnHand(String sku, int units) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.get(gateway("/api/v1/inventory/stock/" + sku), adminToken)
                                .body()
                                .at("/on_hand")
                                .asInt(-1))
                        .as("units of %s on hand", sku)
                        .isEqualTo(units));
    }
}

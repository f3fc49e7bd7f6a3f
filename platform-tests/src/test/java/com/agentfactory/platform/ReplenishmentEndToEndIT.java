package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inventory agent's whole replenishment loop on the running platform, through the gateway and against the real
 * finance service: sales, a low-stock alert, a purchase-order suggestion, a budget reservation at approval, the
 * order, the receipt into stock and the expense booked from the reservation.
 */
class ReplenishmentEndToEndIT extends AsAdminOnThePlatform {

    @Test
    void salesLeadToALowStockAlertASuggestionAFundedOrderAndStockReceived() {
        String sku = "E2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String budget = "/api/v1/financial/budgets/inventory";
        Http.put(
                gateway(budget),
                adminToken,
                Map.of("fiscal_period", month, "allocated_amount", "5000.00", "currency", "GBP"));
        BigDecimal committedBefore = Http.get(gateway(budget), adminToken).decimal("/committed_amount");
        BigDecimal spentBefore = Http.get(gateway(budget), adminToken).decimal("/spent_amount");

        // 125 in stock, then 4 a day sold over the last 30 days: 5 left, below the reorder point the agent uses
        // before it has a plan for the SKU, and far below a week's lead time of demand
        assertThat(stockThenSell(
                        List.of(CommerceEvents.product(sku, "White hanging lantern", "lighting", "3.39", 125)), 4, 30))
                .isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        Http.get(gateway("/api/v1/inventory/alerts?type=low_stock&sku=" + sku), adminToken)
                                .body()
                                .path("items"))
                .isNotEmpty());

        Http.Reply supplier = Http.post(
                gateway("/api/v1/inventory/suppliers"),
                adminToken,
                Map.of(
                        "name",
                        "Lantern Works " + sku,
                        "lead_time_days",
                        7,
                        "minimum_order",
                        50,
                        "pack_size",
                        12,
                        "unit_cost",
                        new BigDecimal("2.00"),
                        "currency",
                        "GBP",
                        "skus",
                        List.of(sku)));
        assertThat(supplier.status()).isEqualTo(201);

        Http.Reply suggested = Http.post(
                gateway("/api/v1/inventory/purchase-orders/suggestions"), adminToken, Map.of("skus", List.of(sku)));
        assertThat(suggested.status()).isEqualTo(200);
        var suggestion = suggested.body().path("suggestions").get(0);
        int quantity = suggestion.path("quantity").asInt();
        assertThat(quantity % 12).isZero();
        assertThat(quantity).isGreaterThanOrEqualTo(50);
        String order =
                "/api/v1/inventory/purchase-orders/" + suggestion.path("id").asString();

        Http.Reply approved = Http.post(gateway(order + "/approve"), adminToken, Map.of("reason", "end-to-end test"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("/status")).isEqualTo("approved");
        BigDecimal total = new BigDecimal("2.00").multiply(BigDecimal.valueOf(quantity));
        assertThat(Http.get(gateway(budget), adminToken).decimal("/committed_amount"))
                .as("the order's cost is reserved in the inventory budget")
                .isEqualByComparingTo(committedBefore.add(total));
        assertThat(Http.post(gateway(order + "/approve"), adminToken, Map.of("reason", "twice"))
                        .status())
                .isEqualTo(409);

        assertThat(Http.post(gateway(order + "/order"), adminToken, Map.of("reason", "sent"))
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(gateway("/api/v1/inventory/stock/" + sku), adminToken)
                        .body()
                        .at("/in_transit")
                        .asInt())
                .isEqualTo(quantity);
        Http.Reply received = Http.post(
                gateway(order + "/receipts"),
                adminToken,
                Map.of("lines", List.of(Map.of("sku", sku, "quantity", quantity))));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("received");
        var stock =
                Http.get(gateway("/api/v1/inventory/stock/" + sku), adminToken).body();
        assertThat(stock.at("/on_hand").asInt()).isEqualTo(5 + quantity);
        assertThat(stock.at("/in_transit").asInt()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Reply after = Http.get(gateway(budget), adminToken);
            assertThat(after.decimal("/spent_amount")).isEqualByComparingTo(spentBefore.add(total));
            assertThat(after.decimal("/committed_amount")).isEqualByComparingTo(committedBefore);
        });
    }
}

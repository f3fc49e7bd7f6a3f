package com.agentfactory.finance.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.testing.Api.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AttributionIT extends FinanceIntegrationTest {

    @Test
    void anOrdersRevenueIsSharedOverTheCustomersTouchpointsUnderEveryModel() {
        LocalDate day = freshDay();
        Instant orderAt = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        UUID customer = UUID.randomUUID();
        // outside the 30-day window: no credit
        touch(customer, "campaign", "email", "campaign_send", orderAt.minus(Duration.ofDays(45)));
        touch(customer, "campaign", "email", "campaign_send", orderAt.minus(Duration.ofDays(20)));
        touch(customer, "ad", "paid_social", "ad_click", orderAt.minus(Duration.ofDays(6)));
        touch(customer, "recommendation", "onsite", "recommendation_click", orderAt.minus(Duration.ofHours(2)));
        Response retry = api.post(
                "/api/v1/financial/touchpoints",
                Map.of(
                        "customer_id",
                        customer.toString(),
                        "agent",
                        "support",
                        "channel",
                        "chat",
                        "touchpoint_type",
                        "support_conversation",
                        "response_time_ms",
                        1500,
                        "source_event_id",
                        UUID.randomUUID().toString(),
                        "occurred_at",
                        orderAt.minus(Duration.ofHours(1)).toString()));
        assertThat(retry.status()).isEqualTo(201);
        // 3.33 x 3 = 9.99: an amount that does not split evenly
        OrderPlaced order = OrderMother.orderBy(customer, orderAt, "3.33x3");

        commerce.publish(order);

        // first and last touch credit one touchpoint each, the other three models all four
        JsonNode all = awaitAttributions(order.orderId(), 1 + 1 + 3 * 4);
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, BigDecimal> percentages = new HashMap<>();
        all.path("attributions").forEach(share -> {
            String model = share.path("attribution_model").asString();
            amounts.merge(model, share.path("attributed_amount").decimalValue(), BigDecimal::add);
            percentages.merge(model, share.path("attribution_percentage").decimalValue(), BigDecimal::add);
        });
        assertThat(amounts).hasSize(5);
        assertThat(amounts.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("9.99"));
        assertThat(percentages.values()).allSatisfy(sum -> assertThat(sum).isEqualByComparingTo("100"));

        JsonNode positionBased = api.get(
                        "/api/v1/financial/attributions/orders/" + order.orderId() + "?model=position_based")
                .body();
        assertThat(positionBased.path("attributions").size()).isEqualTo(4);
        var shares = positionBased.path("attributions");
        assertThat(shares.get(0).path("agent").asString()).isEqualTo("campaign");
        assertThat(shares.get(0).path("attribution_type").asString()).isEqualTo("influenced");
        assertThat(shares.get(0).path("attribution_percentage").decimalValue()).isEqualByComparingTo("40");
        assertThat(shares.get(1).path("attribution_type").asString()).isEqualTo("assisted");
        assertThat(shares.get(3).path("agent").asString()).isEqualTo("support");
        assertThat(shares.get(3).path("attribution_type").asString()).isEqualTo("direct");
        assertThat(shares.get(3).path("touchpoint_order").asInt()).isEqualTo(4);

        Response byAgent = api.get(
                "/api/v1/financial/attributions/agents?date_from=" + day + "&date_to=" + day + "&model=last_touch");
        assertThat(byAgent.status()).isEqualTo(200);
        assertThat(byAgent.body().path("rows").size()).isEqualTo(1);
        assertThat(byAgent.body().at("/rows/0/key").asString()).isEqualTo("support");
        assertThat(byAgent.body().at("/rows/0/revenue").decimalValue()).isEqualByComparingTo("9.99");
        Response byChannel = api.get(
                "/api/v1/financial/attributions/channels?date_from=" + day + "&date_to=" + day + "&model=linear");
        BigDecimal channelTotal = BigDecimal.ZERO;
        for (JsonNode row : byChannel.body().path("rows")) {
            channelTotal = channelTotal.add(row.path("revenue").decimalValue());
        }
        assertThat(channelTotal).isEqualByComparingTo("9.99");
        assertThat(byChannel.body().path("rows").size()).isEqualTo(4);

        // money rows are on the audit trail
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log WHERE table_name = 'revenue_attributions'"
                                + " AND new_values ->> 'order_id' = ?",
                        Long.class,
                        order.orderId().toString()))
                .isEqualTo(14L);
    }

    @Test
    void anOrderWithoutTouchpointsIsUnattributed() {
        LocalDate day = freshDay();
        OrderPlaced order =
                OrderMother.orderBy(UUID.randomUUID(), day.atTime(9, 0).toInstant(ZoneOffset.UTC), "5.00x2");

        commerce.publish(order);

        JsonNode all = awaitAttributions(order.orderId(), 5);
        all.path("attributions").forEach(share -> {
            assertThat(share.path("attribution_type").asString()).isEqualTo("unattributed");
            assertThat(share.path("attributed_amount").decimalValue()).isEqualByComparingTo("10.00");
            assertThat(share.path("agent").isNull()).isTrue();
        });
    }

    @Test
    void touchpointsAreValidatedAndRetriesAreIdempotent() {
        Response invalid = api.post(
                "/api/v1/financial/touchpoints",
                Map.of(
                        "agent", "Campaign Agent",
                        "channel", "email",
                        "touchpoint_type", "campaign_send"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).contains("customer_id", "agent");

        Map<String, Object> body = Map.of(
                "customer_id", UUID.randomUUID().toString(),
                "agent", "campaign",
                "channel", "email",
                "touchpoint_type", "campaign_click",
                "source_event_id", UUID.randomUUID().toString());
        Response first = api.post("/api/v1/financial/touchpoints", body);
        Response second = api.post("/api/v1/financial/touchpoints", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("/id")).isEqualTo(first.text("/id"));
        assertThat(api.get("/api/v1/financial/attributions/agents?date_from=2020-01-01&date_to=2020-01-02&model=nope")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void aSourceEventIdReusedForAnotherTouchpointIsRefusedNamingItAndRecordsNothing() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "customer_id",
                UUID.randomUUID().toString(),
                "agent",
                "campaign",
                "channel",
                "email",
                "touchpoint_type",
                "campaign_click",
                "occurred_at",
                Instant.now().minus(Duration.ofHours(1)).toString(),
                "source_event_id",
                UUID.randomUUID().toString()));
        Map<String, Object> otherCustomer = new HashMap<>(body);
        otherCustomer.put("customer_id", UUID.randomUUID().toString());
        Map<String, Object> otherAgent = new HashMap<>(body);
        otherAgent.put("agent", "ad");

        Response first = api.post("/api/v1/financial/touchpoints", body);
        Response forOtherCustomer = api.post("/api/v1/financial/touchpoints", otherCustomer);
        Response forOtherAgent = api.post("/api/v1/financial/touchpoints", otherAgent);
        Response retry = api.post("/api/v1/financial/touchpoints", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(forOtherCustomer.status()).isEqualTo(422);
        assertThat(forOtherCustomer.errorFields()).containsExactly("source_event_id", "customer_id");
        assertThat(forOtherAgent.status()).isEqualTo(422);
        assertThat(forOtherAgent.errorFields()).containsExactly("source_event_id", "agent");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
    }

    private JsonNode awaitAttributions(UUID orderId, int rows) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/financial/attributions/orders/" + orderId)
                                .body()
                                .path("attributions")
                                .size()
                        == rows);
        return api.get("/api/v1/financial/attributions/orders/" + orderId).body();
    }

    private void touch(UUID customer, String agent, String channel, String type, Instant at) {
        Response response = api.post(
                "/api/v1/financial/touchpoints",
                Map.of(
                        "customer_id", customer.toString(),
                        "agent", agent,
                        "channel", channel,
                        "touchpoint_type", type,
                        "occurred_at", at.toString()));
        assertThat(response.status()).isEqualTo(201);
    }
}

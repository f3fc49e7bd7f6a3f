package com.agentfactory.finance.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.AddedToCart;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CustomersIT extends FinanceIntegrationTest {

    @Autowired
    CustomerService customers;

    @Test
    void behaviourEventsAreValidatedWithFieldErrors() {
        UUID customer = UUID.randomUUID();

        Response missing = api.post("/api/v1/customers/" + customer + "/behaviors", Map.of("session_id", "s1"));
        Response unknownType = api.post(
                "/api/v1/customers/" + customer + "/behaviors", Map.of("event_type", "teleport", "agent", "campaign"));
        Response badAgent = api.post(
                "/api/v1/customers/" + customer + "/behaviors",
                Map.of("event_type", "campaign_click", "agent", "Campaign!", "channel", "email"));
        Response badId = api.post("/api/v1/customers/not-a-uuid/behaviors", Map.of("event_type", "page_view"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("event_type");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.errorFields()).containsExactlyInAnyOrder("event_type", "channel");
        assertThat(badAgent.status()).isEqualTo(400);
        assertThat(badAgent.errorFields()).containsExactly("agent");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + customer + "/segment").status())
                .isEqualTo(404);
    }

    @Test
    void anEventIdReusedForAnotherBehaviourIsRefusedNamingItAndNeverAnswersAnotherCustomersBehaviour() {
        UUID customer = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        Map<String, Object> view = Map.of(
                "event_id", UUID.randomUUID().toString(),
                "event_type", "product_view",
                "occurred_at", Instant.now().minus(Duration.ofHours(1)).toString(),
                "event_data", Map.of("product_id", "85123A"));
        Map<String, Object> otherProduct = new java.util.HashMap<>(view);
        otherProduct.put("event_data", Map.of("product_id", "22423"));

        Response first = api.post("/api/v1/customers/" + customer + "/behaviors", view);
        Response ofAnotherProduct = api.post("/api/v1/customers/" + customer + "/behaviors", otherProduct);
        Response ofSomeoneElse = api.post("/api/v1/customers/" + someoneElse + "/behaviors", view);
        Response retry = api.post("/api/v1/customers/" + customer + "/behaviors", view);

        assertThat(first.status()).isEqualTo(201);
        assertThat(ofAnotherProduct.status()).isEqualTo(422);
        assertThat(ofAnotherProduct.errorFields()).containsExactly("event_id");
        assertThat(ofSomeoneElse.status()).isEqualTo(422);
        assertThat(ofSomeoneElse.errorFields()).containsExactly("event_id");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
    }

    @Test
    void behavioursAndOrdersMoveTheCustomerThroughSegmentsWithHistory() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UUID eventId = UUID.randomUUID();
        Map<String, Object> view = Map.of(
                "event_id", eventId.toString(),
                "event_type", "product_view",
                "session_id", "s-" + customer,
                "occurred_at", now.minus(Duration.ofHours(3)).toString(),
                "event_data", Map.of("product_id", "85123A"));

        Response first = api.post("/api/v1/customers/" + customer + "/behaviors", view);
        Response retry = api.post("/api/v1/customers/" + customer + "/behaviors", view);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("/segment")).isEqualTo("browsing_visitor");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));

        // a campaign click is the campaign agent's touchpoint too
        Response click = api.post(
                "/api/v1/customers/" + customer + "/behaviors",
                Map.of(
                        "event_type", "campaign_click",
                        "agent", "campaign",
                        "channel", "email",
                        "occurred_at", now.minus(Duration.ofHours(2)).toString(),
                        "event_data", Map.of("campaign_id", "spring-sale")));
        assertThat(click.status()).isEqualTo(201);
        assertThat(click.text("/touchpoint_id")).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT campaign_id FROM customer_touchpoints WHERE id = ?::uuid",
                        String.class,
                        click.text("/touchpoint_id")))
                .isEqualTo("spring-sale");

        // the storefront's cart event arrives over Kafka
        commerce.publish(new AddedToCart(
                UUID.randomUUID(),
                now.minus(Duration.ofMinutes(90)),
                customer,
                "s-" + customer,
                UUID.randomUUID(),
                2,
                new Money(new BigDecimal("12.50"), "GBP")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "engaged_prospect".equals(segmentOf(customer).text("/segment")));

        commerce.publish(OrderMother.orderBy(customer, now.minus(Duration.ofHours(1)), "12.50x2"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "first_time_buyer".equals(segmentOf(customer).text("/segment")));

        Response segment = segmentOf(customer);
        assertThat(segment.body().path("confidence").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(segment.body().at("/rfm/recency").asInt()).isEqualTo(5);
        assertThat(segment.body().at("/rfm/frequency").asInt()).isEqualTo(1);
        assertThat(segment.text("/reason")).contains("1 order(s)");
        var history = segment.body().path("history");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).path("from_segment").isNull()).isTrue();
        assertThat(history.get(0).path("to_segment").asString()).isEqualTo("browsing_visitor");
        assertThat(history.get(1).path("to_segment").asString()).isEqualTo("engaged_prospect");
        assertThat(history.get(2).path("from_segment").asString()).isEqualTo("engaged_prospect");
        assertThat(history.get(2).path("to_segment").asString()).isEqualTo("first_time_buyer");
        assertThat(history.get(2).path("reason").asString()).startsWith("order placed");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM customer_behaviors WHERE customer_id = ? AND event_type = 'purchase'",
                        Long.class,
                        customer))
                .isEqualTo(1L);
    }

    @Test
    void aCustomerCannotCreditAnAgentWithTheirOwnBehaviourButTheAgentCan() {
        UUID customer = UUID.randomUUID();
        Map<String, Object> click = Map.of(
                "event_type", "campaign_click",
                "agent", "campaign",
                "channel", "email",
                "event_data", Map.of("campaign_id", "spring-sale"));

        Response byCustomer = api.withToken(TestTokens.customer(customer))
                .post("/api/v1/customers/" + customer + "/behaviors", click);
        Response plainByCustomer = api.withToken(TestTokens.customer(customer))
                .post("/api/v1/customers/" + customer + "/behaviors", Map.of("event_type", "campaign_click"));

        assertThat(byCustomer.status()).isEqualTo(422);
        assertThat(byCustomer.errorFields()).containsExactlyInAnyOrder("agent", "channel");
        assertThat(plainByCustomer.status()).isEqualTo(201);
        assertThat(touchpoints(customer)).isZero();

        Response byAgent = api.withToken(TestTokens.client("campaign"))
                .post("/api/v1/customers/" + customer + "/behaviors", click);
        assertThat(byAgent.status()).isEqualTo(201);
        assertThat(touchpoints(customer)).isEqualTo(1);
    }

    @Test
    void aCustomersMoneyIsJudgedInTheCurrencyOfMostOfTheirOrdersNeverAddedAcrossCurrencies() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var orders = List.of(
                OrderMother.orderIn("GBP", customer, now.minus(Duration.ofHours(4)), "40.00x1"),
                OrderMother.orderIn("GBP", customer, now.minus(Duration.ofHours(3)), "40.00x1"),
                OrderMother.orderIn("GBP", customer, now.minus(Duration.ofHours(2)), "40.00x1"),
                // 100,000 yen is some 500 GBP: added to the pounds as if it were pounds it made a trade buyer
                OrderMother.orderIn("JPY", customer, now.minus(Duration.ofHours(1)), "100000x1"));
        commerce.publishAll(orders);
        orders.forEach(this::awaitRecorded);

        customers.evaluate(customer, "all orders booked");

        Response segment = segmentOf(customer);
        assertThat(segment.text("/segment")).isEqualTo("occasional_gift_buyer");
        assertThat(segment.body().at("/rfm/frequency").asInt()).isEqualTo(2);
        assertThat(segment.body().at("/rfm/monetary").asInt()).isEqualTo(2);
        assertThat(segment.text("/reason")).contains("4 order(s), average order 40.00 GBP");
    }

    @Test
    void anOrderWhoseGoodsAddedLaterAreBookedUnderAnotherIdIsOneOrderOfAFirstTimeBuyer() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var order = OrderMother.orderNumbered(
                "seg-" + UUID.randomUUID(), customer, now.minus(Duration.ofHours(3)), "10.00x1");
        // the back office books the added item under an id of its own and the order's number, in its own case
        var added = OrderMother.numberInUpperCase(
                OrderMother.addedUnderAnotherId(order, now.minus(Duration.ofHours(2)), "5.00x1"));
        commerce.publishAll(List.of(order, added));
        awaitRecorded(order);
        awaitRecorded(added);

        customers.evaluate(customer, "all orders booked");

        Response segment = segmentOf(customer);
        assertThat(segment.text("/segment")).isEqualTo("first_time_buyer");
        assertThat(segment.body().at("/rfm/frequency").asInt()).isEqualTo(1);
        assertThat(segment.text("/reason")).contains("1 order(s), average order 15.00 GBP");
    }

    @Test
    void theLinesOfGoodsAddedToAnOrderAreTheOrdersLines() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] twentyLines =
                java.util.stream.IntStream.range(0, 20).mapToObj(i -> "1.00x1").toArray(String[]::new);
        var order = OrderMother.orderNumbered(
                "bulk-" + UUID.randomUUID(), customer, now.minus(Duration.ofHours(3)), twentyLines);
        var added = OrderMother.addedUnderAnotherId(order, now.minus(Duration.ofHours(2)), "1.00x1");
        commerce.publishAll(List.of(order, added));
        awaitRecorded(order);
        awaitRecorded(added);

        customers.evaluate(customer, "all orders booked");

        // one order of 21 lines, not two of 10.5 on average
        Response segment = segmentOf(customer);
        assertThat(segment.text("/segment")).isEqualTo("trade_buyer");
        assertThat(segment.text("/reason")).startsWith("bulk orders of 21 lines on average; 1 order(s)");
    }

    @Test
    void aReEvaluationThatChangesNothingWritesNoHistory() {
        UUID customer = UUID.randomUUID();
        api.post("/api/v1/customers/" + customer + "/behaviors", Map.of("event_type", "page_view"));
        api.post("/api/v1/customers/" + customer + "/behaviors", Map.of("event_type", "search"));

        assertThat(segmentOf(customer).body().path("history").size()).isEqualTo(1);
    }

    private long touchpoints(UUID customer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM customer_touchpoints WHERE customer_id = ?", Long.class, customer);
    }

    private Response segmentOf(UUID customer) {
        return api.get("/api/v1/customers/" + customer + "/segment");
    }
}

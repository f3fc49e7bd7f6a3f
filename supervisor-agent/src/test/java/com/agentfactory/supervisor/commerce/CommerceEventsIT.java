package com.agentfactory.supervisor.commerce;

import static com.agentfactory.supervisor.support.CommerceEventMother.productUpserted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

class CommerceEventsIT extends SupervisorIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EnvelopeCodec codec;

    @Test
    void storesAnEventAndPublishesItOnItsCommerceTopicExactlyOnceEvenWhenReplayed() {
        Map<String, Object> order = orderPlaced(UUID.randomUUID());
        UUID eventId = UUID.fromString(order.get("event_id").toString());

        Response first = api.post("/api/v1/events", order);
        Response replay = api.post("/api/v1/events", order);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.text("/status")).isEqualTo("ACCEPTED");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.text("/status")).isEqualTo("DUPLICATE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TOPICS.withMessageId(eventId).isEmpty());
        var envelope = TOPICS.withMessageId(eventId).getFirst();
        assertThat(envelope.action()).isEqualTo("order.placed");
        assertThat(envelope.payload().data().at("/lines/0/unit_price").decimalValue())
                .isEqualByComparingTo("2.55");
        UUID marker = UUID.fromString(
                api.post("/api/v1/events", orderPlaced(UUID.randomUUID())).text("/event_id"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TOPICS.withMessageId(marker).isEmpty());
        assertThat(TOPICS.withMessageId(eventId)).hasSize(1);
    }

    @Test
    void refusesADifferentEventUnderAnIdSeenBeforeNamingEventIdAndPublishesItNever() {
        Map<String, Object> order = orderPlaced(UUID.randomUUID());
        assertThat(api.post("/api/v1/events", order).status()).isEqualTo(202);
        Map<String, Object> refund = new LinkedHashMap<>(order);
        refund.put("type", "order.cancelled");
        refund.remove("order_number");
        refund.put("cancellation_number", "C536379");
        refund.put("refunded", true);
        Map<String, Object> changed = new LinkedHashMap<>(order);
        changed.put("currency", "EUR");

        Response reusedForARefund = api.post("/api/v1/events", refund);
        Response reusedInABatch =
                api.post("/api/v1/events/batch", Map.of("events", List.of(productUpserted(), changed)));

        assertThat(reusedForARefund.status()).isEqualTo(422);
        assertThat(reusedForARefund.errorFields()).containsExactly("event_id");
        assertThat(reusedInABatch.status()).isEqualTo(422);
        assertThat(reusedInABatch.errorFields()).containsExactly("events[1].event_id");
        assertThat(api.post("/api/v1/events", order).status())
                .as("the event itself, resent, is still a duplicate")
                .isEqualTo(200);
    }

    @Test
    void answersAResendOfAnEventStoredBeforeItsOrderNumbersWereTidiedAsADuplicate() {
        Map<String, Object> padded = orderPlaced(UUID.randomUUID());
        padded.put("order_number", " 536365 ");
        Map<String, Object> blank = orderCancelled(UUID.randomUUID());
        blank.put("original_order_number", "");
        storeAsBeforeTheTidying(padded, "order_number");
        storeAsBeforeTheTidying(blank, "original_order_number");

        Response paddedResent = api.post("/api/v1/events", padded);
        Response blankResent = api.post("/api/v1/events/batch", Map.of("events", List.of(blank)));

        assertThat(paddedResent.status())
                .as(String.valueOf(paddedResent.body()))
                .isEqualTo(200);
        assertThat(paddedResent.text("/status")).isEqualTo("DUPLICATE");
        assertThat(blankResent.status()).as(String.valueOf(blankResent.body())).isEqualTo(200);
        assertThat(blankResent.text("/results/0/status")).isEqualTo("DUPLICATE");
        padded.put("order_number", "536366");
        assertThat(api.post("/api/v1/events", padded).errorFields())
                .as("another number under the id is still another event")
                .containsExactly("event_id");
    }

    @Test
    void acceptsABatchAndCountsDuplicates() {
        Map<String, Object> seen = orderPlaced(UUID.randomUUID());
        api.post("/api/v1/events", seen);

        Response batch = api.post(
                "/api/v1/events/batch", Map.of("events", List.of(seen, productUpserted(), customerUpserted())));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(batch.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(batch.text("/results/0/status")).isEqualTo("DUPLICATE");
    }

    @Test
    void rejectsAWholeBatchWhenOneEventIsInvalidNamingTheField() {
        Map<String, Object> valid = productUpserted();
        Map<String, Object> invalid = orderPlaced(UUID.randomUUID());
        ((Map<String, Object>) ((List<?>) invalid.get("lines")).getFirst()).put("quantity", 0);
        invalid.put("currency", "pounds");

        Response batch = api.post("/api/v1/events/batch", Map.of("events", List.of(valid, invalid)));

        assertThat(batch.status()).isEqualTo(422);
        assertThat(batch.errorFields()).containsExactlyInAnyOrder("events[1].currency", "events[1].lines[0].quantity");
        Response retried = api.post("/api/v1/events", valid);
        assertThat(retried.text("/status"))
                .as("nothing of the rejected batch was stored")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void rejectsUnknownEventTypesAndMissingFields() {
        Response unknown =
                api.post("/api/v1/events", Map.of("type", "order.teleported", "event_id", UUID.randomUUID()));
        Map<String, Object> missing = productUpserted();
        missing.remove("price");
        Response incomplete = api.post("/api/v1/events", missing);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("type");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.errorFields()).containsExactly("price");
        assertThat(api.post("/api/v1/events/batch", Map.of("events", List.of())).status())
                .isEqualTo(400);
    }

    @Test
    void refusesAnOccurrenceTimeTheStoreCannotHoldNamingTheFieldInsteadOfFailingTheWrite() {
        Map<String, Object> event = productUpserted();
        event.put("occurred_at", "+300000-01-01T00:00:00Z");
        Map<String, Object> valid = productUpserted();

        Response refused = api.post("/api/v1/events", event);
        Response batch = api.post("/api/v1/events/batch", Map.of("events", List.of(valid, event)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("occurred_at");
        assertThat(batch.status()).isEqualTo(422);
        assertThat(batch.errorFields()).containsExactly("events[1].occurred_at");
    }

    @Test
    void refusesTextThatCannotBeStoredNamingTheFieldInsteadOfFailingTheWrite() {
        Map<String, Object> event = productUpserted();
        event.put("name", "White metal\u0000lantern");

        Response refused = api.post("/api/v1/events", event);

        assertThat(refused.status()).isBetween(400, 422);
        assertThat(refused.errorFields()).containsExactly("name");
        assertThat(refused.body().toString()).doesNotContain("java.");
    }

    @Test
    void refusesAnAbsurdOrderAtIntakeNamingTheFieldsInsteadOfAcceptingWhatFinanceWouldDrop() {
        Map<String, Object> absurd = orderPlaced(UUID.randomUUID());
        Map<String, Object> line = firstLine(absurd);
        line.put("quantity", Integer.MAX_VALUE);
        line.put("unit_price", "999999999999.9999");

        Response refused = api.post("/api/v1/events", absurd);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields())
                .containsExactlyInAnyOrder("lines[0].quantity", "lines[0].unit_price", "lines");
        line.put("quantity", 6);
        line.put("unit_price", "2.55");
        assertThat(api.post("/api/v1/events", absurd).text("/status"))
                .as("the refused event was not stored under its id")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void refusesAnOrderWhoseLinesFitButWhoseTotalIsOverTheLedgersLimit() {
        Map<String, Object> order = orderPlaced(UUID.randomUUID());
        Map<String, Object> second = new LinkedHashMap<>(firstLine(order));
        firstLine(order).put("quantity", 1);
        firstLine(order).put("unit_price", "600000.00");
        second.put("quantity", 1);
        second.put("unit_price", "400000.01");
        ((List<Object>) order.get("lines")).add(second);

        Response refused = api.post("/api/v1/events/batch", Map.of("events", List.of(order)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("events[0].lines");
        assertThat(refused.body().toString()).contains("1000000.01");
    }

    @Test
    void acceptsAnOrderTotallingExactlyTheLedgersLimit() {
        Map<String, Object> order = orderPlaced(UUID.randomUUID());
        firstLine(order).put("quantity", 4);
        firstLine(order).put("unit_price", "250000.00");

        assertThat(api.post("/api/v1/events", order).status()).isEqualTo(202);
    }

    @Test
    void refusesAProductPriceTheLedgerCouldNeverRecord() {
        Map<String, Object> product = productUpserted();
        product.put("price", Map.of("amount", "1000000.01", "currency", "GBP"));

        Response refused = api.post("/api/v1/events", product);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("price.amount");
    }

    /**
     * Stores the event as the intake did before its record tidied these fields: the payload the record writes now,
     * with the fields as the shop sent them.
     */
    private void storeAsBeforeTheTidying(Map<String, Object> event, String... untidied) {
        Map<String, Object> body = new LinkedHashMap<>(event);
        CommerceEventType type =
                CommerceEventType.fromWireName(body.remove("type").toString()).orElseThrow();
        ObjectNode payload = (ObjectNode) codec.toTree(codec.fromTree(codec.toTree(body), type.payloadType()));
        for (String field : untidied) {
            payload.put(field, event.get(field).toString());
        }
        jdbc.update(
                "INSERT INTO commerce_events (event_id, event_type, payload, occurred_at)"
                        + " VALUES (?::uuid, ?, ?::jsonb, ?::timestamptz)",
                event.get("event_id"),
                type.wireName(),
                codec.mapper().writeValueAsString(payload),
                event.get("occurred_at"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> order) {
        return (Map<String, Object>) ((List<?>) order.get("lines")).getFirst();
    }

    static Map<String, Object> orderPlaced(UUID orderId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("product_id", UUID.randomUUID().toString());
        line.put("sku", "85123A");
        line.put("quantity", 6);
        line.put("unit_price", "2.55");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "order.placed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("order_id", orderId.toString());
        event.put("order_number", "536365");
        event.put("customer_id", UUID.randomUUID().toString());
        event.put("country", "United Kingdom");
        event.put("currency", "GBP");
        event.put("lines", new java.util.ArrayList<>(List.of(line)));
        return event;
    }

    static Map<String, Object> orderCancelled(UUID orderId) {
        Map<String, Object> event = orderPlaced(orderId);
        event.put("type", "order.cancelled");
        event.remove("order_number");
        event.remove("country");
        event.put("cancellation_number", "C536379");
        event.put("original_order_number", "536365");
        event.put("refunded", true);
        event.put("reason", "damaged in transit");
        return event;
    }

    static Map<String, Object> customerUpserted() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "customer.upserted");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("customer_id", UUID.randomUUID().toString());
        event.put("customer_number", "17850");
        event.put("country", "United Kingdom");
        return event;
    }
}

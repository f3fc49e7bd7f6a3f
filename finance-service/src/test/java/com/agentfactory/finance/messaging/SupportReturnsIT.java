package com.agentfactory.finance.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.messaging.topic.Topics;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** A return whose goods arrived is refunded to its order in the ledger once; an authorisation alone moves nothing. */
class SupportReturnsIT extends FinanceIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void refundsAReceivedReturnToItsOrderOnceThoughTheReceiptIsDeliveredTwice() {
        Instant orderAt = freshDay().atTime(11, 0).toInstant(ZoneOffset.UTC);
        UUID customer = UUID.randomUUID();
        OrderPlaced order = OrderMother.orderBy(customer, orderAt, "12.50x2");
        commerce.publish(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRows(order.orderId(), "revenue") == 1);

        ReturnReceived receipt = receipt(order, new BigDecimal("12.50"));
        publish(ReturnReceived.ACTION, receipt);
        publish(ReturnReceived.ACTION, receipt);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRows(order.orderId(), "refund") == 1);
        Map<String, Object> refund = jdbc.queryForMap(
                "SELECT amount, currency, customer_id, source_event_id, metadata::text AS metadata"
                        + " FROM financial_transactions WHERE order_id = ? AND transaction_type = 'refund'",
                order.orderId());
        assertThat((BigDecimal) refund.get("amount")).isEqualByComparingTo("12.50");
        assertThat(refund.get("currency").toString().strip()).isEqualTo("GBP");
        assertThat(refund.get("customer_id")).isEqualTo(customer);
        assertThat(refund.get("source_event_id")).isEqualTo(receipt.eventId());
        assertThat((String) refund.get("metadata")).contains(receipt.returnId().toString());

        var orders = api.withToken(TestTokens.customer(customer)).get("/api/v1/customers/" + customer + "/orders");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body().at("/items/0/total").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(orders.body().at("/items/0/refunded").decimalValue()).isEqualByComparingTo("12.50");
        // the second delivery had its chance to be booked too: still one refund
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> ledgerRows(order.orderId(), "refund") == 1);
    }

    @Test
    void anAuthorisationWithoutReceiptRefundsNothing() {
        Instant orderAt = freshDay().atTime(12, 0).toInstant(ZoneOffset.UTC);
        OrderPlaced order = OrderMother.orderBy(UUID.randomUUID(), orderAt, "9.99x1");
        commerce.publish(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRows(order.orderId(), "revenue") == 1);

        MessageEnvelope authorised = publish("return_authorised", receipt(order, new BigDecimal("9.99")));
        // a later receipt of another order on the same topic is booked, so the authorisation before it was read
        OrderPlaced other = OrderMother.orderBy(UUID.randomUUID(), orderAt, "5.00x1");
        commerce.publish(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRows(other.orderId(), "revenue") == 1);
        publish(ReturnReceived.ACTION, receipt(other, new BigDecimal("5.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledgerRows(other.orderId(), "refund") == 1);

        assertThat(authorised.action()).isEqualTo("return_authorised");
        assertThat(ledgerRows(order.orderId(), "refund")).isZero();
    }

    @Test
    void aReceiptWithANegativeRefundIsParkedOnTheDeadLetterTopic() {
        OrderPlaced order = OrderMother.orderBy(UUID.randomUUID(), Instant.now(), "3.00x1");

        MessageEnvelope sent = publish(ReturnReceived.ACTION, receipt(order, new BigDecimal("-3.00")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicMessages.withMessageIds(
                                        bootstrapServers,
                                        Topics.deadLetter(Topics.SUPPORT_RETURNS),
                                        List.of(sent.messageId()))
                                .size()
                        == 1);
        assertThat(ledgerRows(order.orderId(), "refund")).isZero();
    }

    private static ReturnReceived receipt(OrderPlaced order, BigDecimal refund) {
        return new ReturnReceived(
                UUID.randomUUID(),
                Instant.now(),
                UUID.randomUUID(),
                order.orderId(),
                order.orderNumber(),
                order.customerId(),
                refund,
                "GBP",
                "desk-1",
                List.of(new ReturnReceived.Line(order.lines().getFirst().sku(), 1, refund)));
    }

    /** Sends the receipt as support's outbox does; each call is a new envelope, as a redelivery after a crash is. */
    private MessageEnvelope publish(String action, ReturnReceived receipt) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .sender("support-1", "support")
                .recipient(null, "finance")
                .action(action)
                .data(codec.toTree(receipt))
                .build();
        kafka.send(Topics.SUPPORT_RETURNS, receipt.partitionKey(), codec.encode(envelope))
                .join();
        return envelope;
    }

    private long ledgerRows(UUID orderId, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM financial_transactions WHERE order_id = ? AND transaction_type = ?",
                Long.class,
                orderId,
                type);
    }
}

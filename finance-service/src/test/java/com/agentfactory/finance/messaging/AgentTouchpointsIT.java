package com.agentfactory.finance.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

class AgentTouchpointsIT extends FinanceIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void anAgentsReportedContactCreditsTheCustomersNextOrderOnceEvenWhenRedelivered() {
        Instant orderAt = freshDay().atTime(15, 0).toInstant(ZoneOffset.UTC);
        UUID customer = UUID.randomUUID();
        CustomerContacted contact = contact(customer, "support", orderAt.minus(Duration.ofHours(3)));
        publish(contact);
        publish(contact);
        await().atMost(Duration.ofSeconds(30)).until(() -> touchpointsOf(customer) == 1);

        OrderPlaced order = OrderMother.orderBy(customer, orderAt, "12.50x2");
        commerce.publish(order);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/financial/attributions/orders/" + order.orderId() + "?model=last_touch")
                                .body()
                                .path("attributions")
                                .size()
                        == 1);
        var share = api.get("/api/v1/financial/attributions/orders/" + order.orderId() + "?model=last_touch")
                .body()
                .path("attributions")
                .get(0);
        assertThat(share.path("agent").asString()).isEqualTo("support");
        assertThat(share.path("channel").asString()).isEqualTo("chat");
        assertThat(share.path("attributed_amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(touchpointsOf(customer)).isEqualTo(1);
    }

    @Test
    void aContactThatBreaksTheTouchpointRulesIsParkedOnTheDeadLetterTopic() {
        UUID customer = UUID.randomUUID();
        CustomerContacted invalid = contact(customer, "Not An Agent Type", Instant.now());

        MessageEnvelope sent = publish(invalid);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicMessages.withMessageIds(
                                        bootstrapServers,
                                        Topics.deadLetter(Topics.AGENT_TOUCHPOINTS),
                                        List.of(sent.messageId()))
                                .size()
                        == 1);
        assertThat(touchpointsOf(customer)).isZero();
    }

    private static CustomerContacted contact(UUID customer, String agent, Instant at) {
        return new CustomerContacted(
                UUID.randomUUID(), at, customer, agent, "chat", "support_conversation", null, 850L);
    }

    private MessageEnvelope publish(CustomerContacted contact) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .sender("support-1", "support")
                .recipient(null, "broadcast")
                .action(CustomerContacted.ACTION)
                .data(codec.toTree(contact))
                .build();
        kafka.send(Topics.AGENT_TOUCHPOINTS, contact.partitionKey(), codec.encode(envelope))
                .join();
        return envelope;
    }

    private long touchpointsOf(UUID customer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM customer_touchpoints WHERE customer_id = ?", Long.class, customer);
    }
}

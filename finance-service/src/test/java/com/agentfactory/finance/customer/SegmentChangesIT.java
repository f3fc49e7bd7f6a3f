package com.agentfactory.finance.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Segment changes leave finance on finance.segments, read back with a real consumer: one per change, none else. */
class SegmentChangesIT extends FinanceIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    CustomerService customers;

    @Autowired
    EnvelopeCodec codec;

    @Test
    void publishesOneChangePerNewSegmentAndNoneWhileTheSegmentStays() {
        UUID customer = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        behaviour(customer, "page_view", now.minus(Duration.ofHours(3))); // first segment: browsing_visitor
        behaviour(customer, "search", now.minus(Duration.ofHours(3))); // still browsing_visitor
        behaviour(customer, "add_to_cart", now.minus(Duration.ofHours(2))); // engaged_prospect
        commerce.publish(OrderMother.orderBy(customer, now.minus(Duration.ofHours(1)), "12.50x2"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "first_time_buyer"
                .equals(api.get("/api/v1/customers/" + customer + "/segment").text("/segment")));
        customers.evaluate(customer, "scheduled re-evaluation"); // nothing changes

        List<UUID> changes = jdbc.queryForList(
                "SELECT id FROM customer_segment_history WHERE customer_id = ? ORDER BY occurred_at, id",
                UUID.class,
                customer);
        assertThat(changes).hasSize(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> published(customer).size() >= 3);
        List<MessageEnvelope> published = published(customer);

        assertThat(published)
                .as("the messages are the history's changes, in order, and nothing else about the customer")
                .extracting(MessageEnvelope::messageId)
                .containsExactlyElementsOf(changes);
        assertThat(published).extracting(MessageEnvelope::action).containsOnly(CustomerSegmentChanged.ACTION);
        List<CustomerSegmentChanged> events = published.stream()
                .map(envelope -> codec.fromTree(envelope.payload().data(), CustomerSegmentChanged.class))
                .toList();
        assertThat(events)
                .extracting(CustomerSegmentChanged::previousSegment, CustomerSegmentChanged::segment)
                .containsExactly(
                        tuple(null, "browsing_visitor"),
                        tuple("browsing_visitor", "engaged_prospect"),
                        tuple("engaged_prospect", "first_time_buyer"));
        assertThat(events.getLast().reason()).startsWith("order placed: ");
        assertThat(events).allSatisfy(event -> assertThat(event.customerId()).isEqualTo(customer));
        assertThat(events).extracting(CustomerSegmentChanged::occurredAt).isSorted();
    }

    private void behaviour(UUID customer, String type, Instant at) {
        var recorded = api.post(
                "/api/v1/customers/" + customer + "/behaviors",
                Map.of("event_type", type, "session_id", "s-" + customer, "occurred_at", at.toString()));
        assertThat(recorded.status()).as(String.valueOf(recorded.body())).isEqualTo(201);
    }

    /** Every message on finance.segments about the customer, keyed by them, in the order they were published. */
    private List<MessageEnvelope> published(UUID customer) {
        return TopicMessages.read(bootstrapServers, Topics.FINANCE_SEGMENTS).stream()
                .filter(envelope -> customer.toString()
                        .equals(envelope.payload().data().path("customer_id").asString()))
                .toList();
    }
}

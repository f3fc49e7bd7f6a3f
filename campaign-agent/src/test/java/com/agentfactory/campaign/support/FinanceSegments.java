package com.agentfactory.campaign.support;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Publishes finance's segment changes on finance.segments as finance's outbox does (one envelope per change, keyed by
 * customer), and waits until the agent has taken them in.
 */
@TestComponent
public class FinanceSegments {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;
    private final JdbcTemplate jdbc;

    FinanceSegments(KafkaTemplate<String, String> kafka, EnvelopeCodec codec, JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.codec = codec;
        this.jdbc = jdbc;
    }

    /** A change of the customer's segment, as finance announces it. */
    public static CustomerSegmentChanged change(UUID customerId, String segment, String previous, Instant at) {
        return new CustomerSegmentChanged(customerId, segment, previous, "test: " + segment, at);
    }

    /** The customer's first segment. */
    public static CustomerSegmentChanged assigned(UUID customerId, String segment, Instant at) {
        return change(customerId, segment, null, at);
    }

    /** Publishes the changes in order and returns once the agent has applied (or dropped as older) each of them. */
    public void publishAndWait(CustomerSegmentChanged... changes) {
        List<UUID> ids = new ArrayList<>();
        for (CustomerSegmentChanged change : changes) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            publishRaw(change.partitionKey(), codec.encode(envelope(id, codec.toTree(change))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::handled));
    }

    /** Puts the record on the topic as given, readable or not. */
    public void publishRaw(String key, String value) {
        kafka.send(Topics.FINANCE_SEGMENTS, key, value).join();
    }

    /** An envelope as finance's would be, around any payload. */
    public String envelopeAround(JsonNode payload) {
        return codec.encode(envelope(UUID.randomUUID(), payload));
    }

    public EnvelopeCodec codec() {
        return codec;
    }

    /** Every record value on finance.segments.dlt so far. */
    public List<String> deadLetters(String bootstrapServers) {
        return TestKafka.readAll(bootstrapServers, Topics.deadLetter(Topics.FINANCE_SEGMENTS));
    }

    private MessageEnvelope envelope(UUID id, JsonNode payload) {
        return MessageEnvelope.builder()
                .messageId(id)
                .sender(UUID.randomUUID().toString(), "finance")
                .recipient(MessageEnvelope.BROADCAST, MessageEnvelope.BROADCAST)
                .action(CustomerSegmentChanged.ACTION)
                .data(payload)
                .build();
    }

    private boolean handled(UUID messageId) {
        Integer handled = jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE message_id = ? AND consumer = 'campaign-finance-segments'",
                Integer.class,
                messageId);
        return handled != null && handled == 1;
    }
}

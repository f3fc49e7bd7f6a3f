package com.agentfactory.campaign.support;

import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes commerce events as the storefront intake does, and waits until the agent has applied them. */
@TestComponent
public class CommerceEvents extends CommerceEventPublisher {

    private final JdbcTemplate jdbc;

    CommerceEvents(KafkaTemplate<String, String> kafka, EnvelopeCodec codec, JdbcTemplate jdbc) {
        super(kafka, codec);
        this.jdbc = jdbc;
    }

    /** Publishes the events in order and returns once the agent has applied every one of them. */
    public void publishAndWait(CommerceEvent... events) {
        for (CommerceEvent event : events) {
            publish(event);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Arrays.stream(events).allMatch(this::applied));
    }

    /** Applied by every consumer of the campaign agent that reads the event's topic. */
    private boolean applied(CommerceEvent event) {
        int consumers =
                switch (event.type().topic()) {
                    case Topics.COMMERCE_BEHAVIOUR -> 1;
                    case Topics.COMMERCE_CUSTOMERS, Topics.COMMERCE_ORDERS -> 2;
                    default -> 0;
                };
        Integer applied = jdbc.queryForObject(
                "SELECT count(*) FROM processed_messages WHERE message_id = ? AND consumer LIKE 'campaign-%'",
                Integer.class, event.eventId());
        return applied != null && applied >= consumers;
    }
}

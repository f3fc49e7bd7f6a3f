package com.agentfactory.finance.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

class DeadLetterIT extends FinanceIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aPoisonOrderMessageIsParkedOnTheDeadLetterTopicAndTheNextOrderIsStillBooked() {
        String poison = "{not an envelope " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // same key, so same partition: the good order behind it proves the partition is not blocked
        kafka.send(Topics.COMMERCE_ORDERS, key, poison).join();
        OrderPlaced after = OrderMother.order(Instant.parse("2001-02-03T04:05:06Z"));
        commerce.publish(after);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters().contains(poison));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM financial_transactions WHERE source_event_id = ?",
                                Long.class,
                                after.eventId())
                        == 1);
    }

    @Test
    void anOrderOverTheLedgerLimitIsParkedOnTheDeadLetterTopicInsteadOfBeingAcknowledgedUnbooked() {
        OrderPlaced tooBig = OrderMother.order(Instant.parse("2001-02-03T04:05:06Z"), "1000000.01x1");
        OrderCancelled tooBigRefund = OrderMother.cancellationOf(tooBig, Instant.parse("2001-02-03T05:05:06Z"));

        commerce.publish(tooBig);
        commerce.publish(tooBigRefund);

        // read as text: the topic also holds the poison message of the test above, which is no envelope
        await().atMost(Duration.ofSeconds(30)).until(() -> Stream.of(tooBig.eventId(), tooBigRefund.eventId())
                .allMatch(id -> deadLetters().stream().anyMatch(parked -> parked.contains(id.toString()))));
        // the claim rolled back with the refused booking: a fix and a replay from the dead-letter topic still books it
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_messages WHERE message_id IN (?, ?)",
                        Long.class,
                        tooBig.eventId(),
                        tooBigRefund.eventId()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM financial_transactions WHERE order_id = ?", Long.class, tooBig.orderId()))
                .isZero();
    }

    private List<String> deadLetters() {
        return TopicMessages.readValues(bootstrapServers, Topics.deadLetter(Topics.COMMERCE_ORDERS));
    }
}

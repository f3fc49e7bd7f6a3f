package com.agentfactory.finance.messaging;

import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.finance.support.TopicMessages;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    private List<String> deadLetters() {
        return TopicMessages.readValues(bootstrapServers, Topics.deadLetter(Topics.COMMERCE_ORDERS));
    }
}

package com.agentfactory.finance.messaging;

import static org.awaitility.Awaitility.await;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.finance.support.OrderMother;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        String topic = Topics.deadLetter(Topics.COMMERCE_ORDERS);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}

package com.agentfactory.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Services' own listeners on the error handler every {@code @KafkaListener} gets: a failure while the database is
 * away is retried past the retry limit (2 in this application) until it passes, and nothing is dead-lettered.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class ListenerTransientFailureIT {

    private static final int OUTAGE_ATTEMPTS = 5;

    @Autowired
    CommonErrorHandler kafkaListenerErrorHandler;

    @Autowired
    ConsumerFactory<String, String> consumerFactory;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aBatchListenerKeepsItsBatchWhileTheDatabaseIsAwayAndAppliesItAfterwards() throws Exception {
        String topic = newTopic("transient-batch");
        AtomicInteger calls = new AtomicInteger();
        Set<String> applied = ConcurrentHashMap.newKeySet();
        BatchMessageListener<String, String> listener = records -> {
            if (calls.incrementAndGet() <= OUTAGE_ATTEMPTS) {
                throw databaseAway(calls.get());
            }
            records.stream().map(ConsumerRecord::value).forEach(applied::add);
        };
        List<String> sent = List.of("report-1", "report-2", "report-3");

        MessageListenerContainer container = start(topic, listener, true);
        try {
            sent.forEach(value -> kafka.send(topic, "task", value));
            await().atMost(Duration.ofSeconds(60)).until(() -> applied.containsAll(sent));
        } finally {
            container.stop();
        }

        assertThat(calls.get()).isGreaterThan(OUTAGE_ATTEMPTS);
        assertThat(TestKafka.readAll(bootstrapServers, Topics.deadLetter(topic)))
                .isEmpty();
    }

    @Test
    void aRecordListenerKeepsItsRecordWhileTheDatabaseIsAwayAndHandlesItAfterwards() throws Exception {
        String topic = newTopic("transient-record");
        AtomicInteger calls = new AtomicInteger();
        Set<String> handled = ConcurrentHashMap.newKeySet();
        MessageListener<String, String> listener = record -> {
            if (calls.incrementAndGet() <= OUTAGE_ATTEMPTS) {
                throw databaseAway(calls.get());
            }
            handled.add(record.value());
        };

        MessageListenerContainer container = start(topic, listener, false);
        try {
            kafka.send(topic, "order", "order-placed");
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains("order-placed"));
        } finally {
            container.stop();
        }

        assertThat(calls.get()).isEqualTo(OUTAGE_ATTEMPTS + 1);
        assertThat(TestKafka.readAll(bootstrapServers, Topics.deadLetter(topic)))
                .isEmpty();
    }

    @Test
    void aRecordThatFailsForItselfIsStillDeadLetteredAfterItsRetries() throws Exception {
        String topic = newTopic("failing-record");
        AtomicInteger calls = new AtomicInteger();
        MessageListener<String, String> listener = record -> {
            calls.incrementAndGet();
            throw new IllegalStateException("this record cannot be handled");
        };

        MessageListenerContainer container = start(topic, listener, false);
        try {
            kafka.send(topic, "order", "bad-record");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> TestKafka.readAll(bootstrapServers, Topics.deadLetter(topic))
                            .contains("bad-record"));
        } finally {
            container.stop();
        }

        assertThat(calls.get()).as("the first attempt and two retries").isEqualTo(3);
    }

    private static RuntimeException databaseAway(int attempt) {
        return new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, attempt " + attempt));
    }

    private MessageListenerContainer start(String topic, Object listener, boolean batch) {
        var properties = new ContainerProperties(topic);
        properties.setGroupId("transient-" + UUID.randomUUID());
        properties.setMessageListener(listener);
        properties.setAckMode(batch ? ContainerProperties.AckMode.BATCH : ContainerProperties.AckMode.RECORD);
        var container = new KafkaMessageListenerContainer<>(consumerFactory, properties);
        container.setCommonErrorHandler(kafkaListenerErrorHandler);
        container.start();
        return container;
    }

    private String newTopic(String purpose) throws Exception {
        String topic = purpose + "-" + UUID.randomUUID();
        try (var admin = AdminClient.create(java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(
                            new NewTopic(topic, 1, (short) 1), new NewTopic(Topics.deadLetter(topic), 1, (short) 1)))
                    .all()
                    .get();
        }
        return topic;
    }
}

package com.agentfactory.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
class OutboxRelayIT {

    @Autowired
    OutboxWriter outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EnvelopeCodec codec;

    @Test
    void messagesWrittenWhileKafkaIsDownAreAllDeliveredOnceItIsBack() throws Exception {
        String topic = "outbox-test-" + UUID.randomUUID();
        var broker = LocalInfrastructure.shared().kafkaBroker();
        Set<UUID> written = new HashSet<>();
        broker.stop();
        try {
            for (int i = 0; i < 200; i++) {
                MessageEnvelope envelope = envelope();
                transactions.executeWithoutResult(
                        status -> outbox.append(topic, envelope.messageId().toString(), envelope));
                written.add(envelope.messageId());
            }
            assertThat(relay.backlog()).isGreaterThanOrEqualTo(200);
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> relay.backlog() == 0);
        assertThat(readMessageIds(topic, written.size())).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aRolledBackTransactionLeavesNothingToRelay() {
        String topic = "outbox-rollback-" + UUID.randomUUID();
        long before = relay.backlog();

        transactions.executeWithoutResult(status -> {
            outbox.append(topic, "k", envelope());
            status.setRollbackOnly();
        });

        assertThat(relay.backlog()).isLessThanOrEqualTo(before);
        assertThat(readMessageIds(topic, 0)).isEmpty();
    }

    private MessageEnvelope envelope() {
        return MessageEnvelope.builder()
                .sender(null, "test")
                .recipient(null, "test")
                .action("outbox.test")
                .build();
    }

    private Set<UUID> readMessageIds(String topic, int expected) {
        String bootstrapServers = String.valueOf(LocalInfrastructure.shared().kafkaBootstrapServers());
        Set<UUID> ids = new HashSet<>();
        try (var consumer =
                com.agentfactory.messaging.testing.TestKafka.consumerFromBeginning(bootstrapServers, "outbox-reader")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + (expected == 0 ? 3_000 : 30_000);
            while (System.currentTimeMillis() < deadline && (expected == 0 || ids.size() < expected)) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> ids.add(codec.decode(record.value()).messageId()));
            }
        }
        return ids;
    }
}

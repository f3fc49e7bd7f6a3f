package com.agentfactory.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.TestKafka;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A record Kafka refuses for good (here: larger than the producer's max.request.size, 1 MiB by default) must not hold
 * back the messages behind it, while a Kafka that is merely away must not cost a single message.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@UsesLocalInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class OutboxDeadLetterIT {

    private static final int OVER_MAX_REQUEST_SIZE = 1_500_000;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRecordKafkaRefusesForGoodIsDeadLetteredWhileTheMessagesBeforeAndAfterItAreDelivered(CapturedOutput output) {
        String topic = "outbox-dead-letter-" + UUID.randomUUID();
        String key = "same-key-so-one-partition-keeps-the-order";
        String marker = "payload-marker-" + UUID.randomUUID();
        List<MessageEnvelope> before = List.of(envelope(), envelope(), envelope());
        MessageEnvelope tooLarge = envelope(Map.of("blob", marker + "x".repeat(OVER_MAX_REQUEST_SIZE)));
        List<MessageEnvelope> after = List.of(envelope(), envelope(), envelope());
        List<MessageEnvelope> all = Stream.of(before, List.of(tooLarge), after)
                .flatMap(List::stream)
                .toList();

        // one transaction, so the relay takes them in one batch that partly fails
        transactions.executeWithoutResult(status -> all.forEach(envelope -> outbox.append(topic, key, envelope)));

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(tooLarge.messageId()) == 1);
        assertThat(outboxRows(all))
                .as("no row of the batch is left in the outbox")
                .isZero();
        Map<String, Object> deadLetter = jdbc.queryForMap(
                "SELECT topic, message_key, payload, error, created_at, dead_lettered_at FROM outbox_dead_letters"
                        + " WHERE message_id = ?",
                tooLarge.messageId());
        assertThat(deadLetter.get("topic")).isEqualTo(topic);
        assertThat(deadLetter.get("message_key")).isEqualTo(key);
        assertThat(deadLetter.get("payload")).isEqualTo(codec.encode(tooLarge));
        assertThat((String) deadLetter.get("error")).contains("RecordTooLargeException", "max.request.size");
        assertThat(deadLetter.get("created_at")).isNotNull();
        assertThat(deadLetter.get("dead_lettered_at")).isNotNull();

        List<UUID> expected = new ArrayList<>();
        before.forEach(envelope -> expected.add(envelope.messageId()));
        after.forEach(envelope -> expected.add(envelope.messageId()));
        // a read gives up after ten seconds with what it has fetched, which on a loaded machine can be part of the
        // topic; the log only grows, so reading again until it matches asserts the same as one complete read
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deliveredMessageIds(topic)).containsExactlyElementsOf(expected));

        // counted and logged once the move is committed, a moment after the row is visible
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Counter deadLettered =
                    meters.find("outbox.dead_lettered").tag("topic", topic).counter();
            assertThat(deadLettered).isNotNull();
            assertThat(deadLettered.count()).isEqualTo(1.0);
            assertThat(output.getAll()
                            .lines()
                            .filter(line -> line.contains(tooLarge.messageId().toString())
                                    && line.contains("outbox_dead_letters")))
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .contains("ERROR", topic, "outbox_dead_letters", "RecordTooLargeException")
                            .doesNotContain(marker));
        });
        assertThat(output.getAll())
                .as("Spring Kafka's log of the failed send leaves the record's contents out")
                .contains("Exception thrown when sending a message")
                .doesNotContain("and payload='");
    }

    @Test
    void whileKafkaIsUnreachableNothingIsDeadLetteredAndTheRowsWaitForIt() throws Exception {
        String topic = "outbox-unreachable-" + UUID.randomUUID();
        List<MessageEnvelope> written = List.of(envelope(), envelope(), envelope());
        Counter relayFailures = meters.find("outbox.relay.failures").counter();
        assertThat(relayFailures).isNotNull();
        var broker = LocalInfrastructure.shared().kafkaBroker();
        broker.stop();
        try {
            transactions.executeWithoutResult(
                    status -> written.forEach(envelope -> outbox.append(topic, "k", envelope)));
            // the second failure after the commit comes from an attempt that began after it, so it took these rows
            double failuresBefore = relayFailures.count();
            await().atMost(Duration.ofSeconds(60)).until(() -> relayFailures.count() >= failuresBefore + 2);

            assertThat(outboxRows(written))
                    .as("the rows still wait in the outbox")
                    .isEqualTo(written.size());
            assertThat(written).allSatisfy(envelope -> assertThat(deadLetters(envelope.messageId()))
                    .isZero());
            assertThat(meters.find("outbox.dead_lettered").tag("topic", topic).counter())
                    .isNull();
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows(written) == 0);
        List<UUID> writtenIds = written.stream().map(MessageEnvelope::messageId).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deliveredMessageIds(topic))
                .containsExactlyInAnyOrderElementsOf(writtenIds));
        assertThat(written).allSatisfy(envelope -> assertThat(deadLetters(envelope.messageId()))
                .isZero());
    }

    private List<UUID> deliveredMessageIds(String topic) {
        return TestKafka.readAll(kafkaBootstrapServers(), topic).stream()
                .map(value -> codec.decode(value).messageId())
                .distinct() // a batch may be sent twice; consumers absorb the duplicate
                .toList();
    }

    private int outboxRows(List<MessageEnvelope> envelopes) {
        UUID[] ids = envelopes.stream().map(MessageEnvelope::messageId).toArray(UUID[]::new);
        Integer count = jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "SELECT count(*) FROM outbox_messages WHERE message_id = ANY (?)");
                    statement.setArray(1, connection.createArrayOf("uuid", ids));
                    return statement;
                },
                rs -> rs.next() ? rs.getInt(1) : 0);
        return count == null ? 0 : count;
    }

    private int deadLetters(UUID messageId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM outbox_dead_letters WHERE message_id = ?", Integer.class, messageId);
        return count == null ? 0 : count;
    }

    private MessageEnvelope envelope() {
        return envelope(Map.of());
    }

    private MessageEnvelope envelope(Map<String, Object> data) {
        return MessageEnvelope.builder()
                .sender(null, "test")
                .recipient(null, "test")
                .action("outbox.test")
                .data(codec.toTree(data))
                .build();
    }

    private static String kafkaBootstrapServers() {
        return String.valueOf(LocalInfrastructure.shared().kafkaBootstrapServers());
    }
}

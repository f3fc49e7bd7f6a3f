package com.agentfactory.messaging.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Received;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A service whose holder keeps failing must still answer a privacy request, or the coordinator waits for it for good:
 * once the retries (2 in this application) are spent it reports the request failed and parks it on the dead letters.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(PrivacyFailureReportIT.Holders.class)
@UsesLocalInfrastructure
class PrivacyFailureReportIT {

    /** Customers whose data the holder cannot touch, and how often it was asked to. */
    static final Map<UUID, AtomicInteger> FAILING = new ConcurrentHashMap<>();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${spring.application.name}")
    String participant;

    @Test
    void aRequestWhoseHolderKeepsFailingIsReportedFailedAfterItsRetriesAndParked() {
        UUID customer = UUID.randomUUID();
        FAILING.put(customer, new AtomicInteger());
        UUID requestId = UUID.randomUUID();
        String request = requestRecord(
                requestId,
                Map.of("request_id", requestId.toString(), "customer_id", customer.toString(), "action", "ERASURE"));

        kafka.send(Topics.PRIVACY_REQUESTS, requestId.toString(), request);

        await().atMost(Duration.ofSeconds(60)).until(() -> !reportsOn(requestId).isEmpty());
        assertThat(FAILING.get(customer).get())
                .as("the first attempt and two retries, before the report")
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readAll(bootstrapServers, Topics.deadLetter(Topics.PRIVACY_REQUESTS))
                        .contains(request));
        List<PrivacyReported> reports = reportsOn(requestId);
        assertThat(reports).hasSize(1);
        PrivacyReported report = reports.getFirst();
        assertThat(report.participant()).isEqualTo(participant);
        assertThat(report.action()).isEqualTo(PrivacyAction.ERASURE);
        assertThat(report.records()).isZero();
        assertThat(Optional.ofNullable(report.data()).filter(data -> !data.isNull()))
                .as("no data, absent or written as null")
                .isEmpty();
        assertThat(report.failure())
                .contains("erasure", "IllegalStateException", "privacy.requests.dlt")
                .as("the holder's message names the customer: it stays out of the report")
                .doesNotContain(customer.toString());
    }

    @Test
    void anUnreadableRequestIsParkedWithoutAReport() {
        UUID requestId = UUID.randomUUID();
        String unreadable = requestRecord(requestId, Map.of("request_id", requestId.toString(), "action", "ERASURE"));

        kafka.send(Topics.PRIVACY_REQUESTS, requestId.toString(), unreadable);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> TestKafka.readAll(bootstrapServers, Topics.deadLetter(Topics.PRIVACY_REQUESTS))
                        .contains(unreadable));
        // a report is appended before the record is parked; the relay deletes it from the outbox once it is sent
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM outbox_messages WHERE message_key = ?", Long.class, requestId.toString()))
                .isZero();
        assertThat(reportsOn(requestId)).isEmpty();
    }

    /** A request as the gateway publishes it, with the payload given. */
    private String requestRecord(UUID requestId, Map<String, String> payload) {
        return codec.encode(MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .correlationId(requestId)
                .sender(null, "gateway")
                .recipient(null, MessageEnvelope.BROADCAST)
                .action(PrivacyRequested.ACTION)
                .data(codec.toTree(payload))
                .build());
    }

    private List<PrivacyReported> reportsOn(UUID requestId) {
        return TestKafka.readAll(bootstrapServers, Topics.PRIVACY_REPORTS).stream()
                .filter(value -> value != null && value.contains(requestId.toString()))
                .map(value -> codec.read(value, PrivacyReported.ACTION, PrivacyReported.class))
                .flatMap(Optional::stream)
                .map(Received::payload)
                .filter(report -> report.requestId().equals(requestId))
                .toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Holders {

        /** Fails for the customers the tests name, as a holder does whose table is broken; keeps nothing else. */
        @Bean
        PersonalDataHolder failingHolder() {
            return new PersonalDataHolder() {
                @Override
                public PersonalData export(UUID customerId) {
                    failIfNamed(customerId);
                    return PersonalData.none();
                }

                @Override
                public long erase(UUID customerId) {
                    failIfNamed(customerId);
                    return 0;
                }
            };
        }

        private static void failIfNamed(UUID customerId) {
            AtomicInteger attempts = FAILING.get(customerId);
            if (attempts != null) {
                attempts.incrementAndGet();
                throw new IllegalStateException("cannot read the rows of customer " + customerId);
            }
        }
    }
}

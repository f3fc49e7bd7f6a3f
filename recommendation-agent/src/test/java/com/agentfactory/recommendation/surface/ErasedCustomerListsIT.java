package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Received;
import com.agentfactory.messaging.privacy.PrivacyReported;
import com.agentfactory.messaging.privacy.PrivacyRequested;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

class ErasedCustomerListsIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The service's own Redis client, which the test points at a closed port while Redis is to be away. */
    @Autowired
    StringRedisTemplate serviceRedis;

    @Autowired
    ErasedCustomerLists erasedLists;

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
    void anErasureWhileRedisIsUnreachableIsReportedDoneAndTheListsAreDroppedOnceRedisAnswers() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lamp = UUID.randomUUID();
        storefront.publish(product(lamp, "Lamp", freshCategory("light"), "25.00", 5));
        storefront.publish(viewed(customer, lamp));
        await().atMost(WAIT).until(() -> interactionsOf(customer) == 1);
        RedisConnectionFactory reachable = serviceRedis.getRequiredConnectionFactory();
        StringRedisTemplate redis = new StringRedisTemplate(reachable);
        String cached = RecommendationCache.userKey(customer);
        redis.opsForHash().put(cached, "cart_recovery", "[\"the abandoned cart's products\"]");
        UUID requestId = UUID.randomUUID();

        LettuceConnectionFactory unreachable = closedPort();
        serviceRedis.setConnectionFactory(unreachable);
        try {
            kafka.send(Topics.PRIVACY_REQUESTS, requestId.toString(), erasureRequest(requestId, customer));

            await().atMost(WAIT).until(() -> reportOn(requestId).isPresent());
            PrivacyReported report = reportOn(requestId).orElseThrow();
            assertThat(report.failed()).as(report.failure()).isFalse();
            assertThat(report.records()).isEqualTo(1);
            assertThat(interactionsOf(customer)).isZero();
            // still in Redis, so not served from it until dropped
            assertThat(redis.hasKey(cached)).isTrue();
            assertThat(erasedLists.cacheable(customer)).isFalse();
        } finally {
            serviceRedis.setConnectionFactory(reachable);
            unreachable.destroy();
        }

        await().atMost(WAIT).until(() -> !redis.hasKey(cached));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM erased_customer_list_clears WHERE customer_id = ?",
                        Integer.class,
                        customer))
                .isZero();
        assertThat(erasedLists.cacheable(customer)).isTrue();
    }

    /** A Redis client of its own that finds nothing listening, as when Redis is down or cut off. */
    private static LettuceConnectionFactory closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    /** An erasure request as the supervisor publishes it. */
    private String erasureRequest(UUID requestId, UUID customer) {
        return codec.encode(MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .correlationId(requestId)
                .sender(null, "supervisor")
                .recipient(null, MessageEnvelope.BROADCAST)
                .action(PrivacyRequested.ACTION)
                .data(codec.toTree(Map.of(
                        "request_id", requestId.toString(), "customer_id", customer.toString(), "action", "ERASURE")))
                .build());
    }

    private Optional<PrivacyReported> reportOn(UUID requestId) {
        List<PrivacyReported> reports = TestKafka.readAll(bootstrapServers, Topics.PRIVACY_REPORTS).stream()
                .filter(value -> value != null && value.contains(requestId.toString()))
                .map(value -> codec.read(value, PrivacyReported.ACTION, PrivacyReported.class))
                .flatMap(Optional::stream)
                .map(Received::payload)
                .filter(report -> report.requestId().equals(requestId)
                        && report.participant().equals(participant))
                .toList();
        return reports.stream().findFirst();
    }

    private int interactionsOf(UUID customer) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM interactions WHERE user_id = ?", Integer.class, customer);
        return count == null ? 0 : count;
    }
}

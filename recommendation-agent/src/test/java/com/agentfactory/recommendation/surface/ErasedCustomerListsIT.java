package com.agentfactory.recommendation.surface;

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
import com.agentfactory.recommendation.support.UnreachableRedis;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.threeten.extra.MutableClock;

class ErasedCustomerListsIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The service's own Redis client, which the test points at a closed port while Redis is to be away. */
    @Autowired
    StringRedisTemplate serviceRedis;

    @Autowired
    ErasedCustomerLists erasedLists;

    @Autowired
    ErasedListClears clears;

    @Autowired
    RecommendationCache cache;

    @Autowired
    RecommendationProperties serving;

    @Autowired
    ErasedListsProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcConnectionDetails database;

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
        RedisConnectionFactory reachable = serviceRedis.getRequiredConnectionFactory();
        StringRedisTemplate redis = new StringRedisTemplate(reachable);
        String cached = cachedListsOfAViewer(customer, redis);
        UUID requestId = UUID.randomUUID();

        UnreachableRedis unreachable = UnreachableRedis.started();
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
        // the sweep deletes the record in the transaction that dropped the lists, which commits after the drop
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM erased_customer_list_clears WHERE customer_id = ?",
                                Integer.class,
                                customer)
                        == 0);
        assertThat(erasedLists.cacheable(customer)).isTrue();
    }

    @Test
    void anotherInstanceStopsServingTheListsWhenTheErasureCommitsThoughRedisFailedToDropThem() throws Exception {
        UUID customer = UUID.randomUUID();
        RedisConnectionFactory reachable = serviceRedis.getRequiredConnectionFactory();
        StringRedisTemplate redis = new StringRedisTemplate(reachable);
        // lists of a customer with nothing stored here yet: the erasure is about them alone
        String cached = cachedListsOf(customer, redis);
        ErasedCustomerLists otherInstance = anotherInstance();
        otherInstance.start();
        try {
            assertThat(otherInstance.cacheable(customer)).isTrue();
            UUID requestId = UUID.randomUUID();

            UnreachableRedis unreachable = UnreachableRedis.started();
            serviceRedis.setConnectionFactory(unreachable);
            try {
                kafka.send(Topics.PRIVACY_REQUESTS, requestId.toString(), erasureRequest(requestId, customer));

                await().atMost(WAIT).until(() -> reportOn(requestId).isPresent());
                assertThat(redis.hasKey(cached))
                        .as("left by the erasure's drop")
                        .isTrue();
                // its clock stands still, so without being told it would not read the erasure's record for good
                await().atMost(WAIT).until(() -> !otherInstance.cacheable(customer));
            } finally {
                serviceRedis.setConnectionFactory(reachable);
                unreachable.destroy();
            }
        } finally {
            otherInstance.stop();
        }
    }

    @Test
    void servesNoCustomersListsFromTheCacheWhileItCouldMissAnErasure() {
        UUID customer = UUID.randomUUID();
        ErasedCustomerLists otherInstance = anotherInstance();

        assertThat(otherInstance.cacheable(customer)).as("not listening yet").isFalse();
        otherInstance.start();
        try {
            assertThat(otherInstance.cacheable(customer)).as("listening").isTrue();
        } finally {
            otherInstance.stop();
        }
        assertThat(otherInstance.cacheable(customer)).as("listening no more").isFalse();
    }

    /**
     * The erased-lists component of another instance of the service on the same PostgreSQL and Redis, whose clock
     * stands still: it reads the customers whose lists are still to be dropped when it starts listening, and the
     * time-bound reading never again.
     */
    private ErasedCustomerLists anotherInstance() {
        return new ErasedCustomerLists(
                clears,
                cache,
                serving,
                properties,
                transactions,
                database,
                MutableClock.of(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * The key of the lists cached for a customer with one view stored. The view is stored as its event would store
     * it, but without the clearing of the customer's lists that follows the event's commit: run late, that clearing
     * would drop the list stored here before the erasure could leave it.
     */
    private String cachedListsOfAViewer(UUID customer, StringRedisTemplate redis) {
        jdbc.update(
                "INSERT INTO interactions (event_id, user_id, product_id, kind, occurred_at) VALUES (?, ?, ?, 'VIEW', ?)",
                UUID.randomUUID(),
                customer,
                UUID.randomUUID(),
                Timestamp.from(Instant.parse("2026-12-01T10:00:00Z")));
        return cachedListsOf(customer, redis);
    }

    /** The key of a list cached for the customer, stored once Redis answers (a first connection may time out). */
    private static String cachedListsOf(UUID customer, StringRedisTemplate redis) {
        String cached = RecommendationCache.userKey(customer);
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            redis.opsForHash().put(cached, "cart_recovery", "[\"the abandoned cart's products\"]");
            return true;
        });
        return cached;
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

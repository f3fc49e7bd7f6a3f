package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.recommendation.interaction.InteractionService;
import com.agentfactory.recommendation.interaction.UserBehaviourChanged;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import com.agentfactory.recommendation.support.UnreachableRedis;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class RecommendationCacheIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RecommendationCache cache;

    /** The service's own Redis client, which a test points at a closed port while Redis is to be away. */
    @Autowired
    StringRedisTemplate serviceRedis;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    InteractionService interactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JsonMapper json;

    private RedisConnectionFactory reachable;

    /** A Redis client of the test's own, which stays on Redis while the service's is pointed away. */
    private StringRedisTemplate redis;

    @BeforeEach
    void redisOfTheTestsOwn() {
        reachable = serviceRedis.getRequiredConnectionFactory();
        redis = new StringRedisTemplate(reachable);
    }

    @Test
    void refusesAListComputedBeforeAClearingThoughTheGenerationItReadHasExpiredSince() {
        String key = RecommendationCache.userKey(UUID.randomUUID());
        clearOnceRedisAnswers(key, Duration.ofSeconds(1));
        RecommendationCache.Lookup<String> readBeforeComputing = await().atMost(WAIT)
                .until(() -> cache.lookup(key, "for_you", String.class), Optional::isPresent)
                .orElseThrow();
        await().atMost(WAIT).ignoreExceptions().until(() -> !redis.hasKey(key + ":generation"));

        // the customer's behaviour changes while the list is computed
        clearOnceRedisAnswers(key, Duration.ofHours(1));
        cache.put(key, readBeforeComputing, "for_you", List.of("computed before the change"), Duration.ofHours(1));

        assertThat(redis.hasKey(key)).as("a list stored").isFalse();
    }

    @Test
    void servesNoListFromBeforeAPurchaseWhoseClearingRedisFailedAndDropsThemOnceItAnswers() throws Exception {
        UUID shopper = UUID.randomUUID();
        // in stock, so the shopper's list has something in it
        storefront.publish(product(UUID.randomUUID(), "Kettle", freshCategory("kitchen"), "29.00", 5));
        String key = RecommendationCache.userKey(shopper);
        askUntilCached("/api/v1/recommendations/users/" + shopper, key);
        UUID offered = firstProductOf(await().atMost(WAIT)
                .ignoreExceptions()
                .until(() -> redis.opsForHash().values(key), lists -> !lists.isEmpty())
                .getFirst()
                .toString());

        UnreachableRedis unreachable = UnreachableRedis.started();
        serviceRedis.setConnectionFactory(unreachable);
        try {
            // the purchase's clearing runs when it commits, and fails
            new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> interactions.recordPurchase(order(shopper, offered)));
        } finally {
            serviceRedis.setConnectionFactory(reachable);
            unreachable.destroy();
        }

        assertThat(recommendations.forUser(shopper, 10).recommendations())
                .extracting(RecommendedProductResponse::productId)
                .doesNotContain(offered);
        await().atMost(WAIT).ignoreExceptions().until(() -> redis.opsForHash().values(key).stream()
                .noneMatch(list -> list.toString().contains(offered.toString())));
    }

    @Test
    void leavesRedisAloneForAWhileOnceItKeepsFailingAndDropsTheListsOfTheChangesMeanwhileOnceItAnswers()
            throws Exception {
        List<UUID> customers =
                IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        customers.forEach(this::cacheAListOf);

        UnreachableRedis unreachable = UnreachableRedis.started();
        serviceRedis.setConnectionFactory(unreachable);
        try {
            // as the events' intake publishes them after each commit, on its one thread
            customers.forEach(customer -> events.publishEvent(new UserBehaviourChanged(customer)));

            assertThat(unreachable.connectionsAsked()).isLessThan(customers.size() / 2);
        } finally {
            serviceRedis.setConnectionFactory(reachable);
            unreachable.destroy();
        }

        await().atMost(WAIT).ignoreExceptions().until(() -> customers.stream()
                .noneMatch(customer -> redis.hasKey(RecommendationCache.userKey(customer))));
    }

    private void cacheAListOf(UUID customer) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            redis.opsForHash().put(RecommendationCache.userKey(customer), "for_you", "[\"a list\"]");
            return true;
        });
    }

    /** Clears the key, again should Redis not answer in time (a first connection on a busy machine may not). */
    private void clearOnceRedisAnswers(String key, Duration ttl) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            cache.clearOrFail(key, ttl);
            return true;
        });
    }

    private UUID firstProductOf(String cachedList) {
        return UUID.fromString(json.readTree(cachedList)
                .path("recommendations")
                .get(0)
                .path("product_id")
                .asString());
    }
}

package com.agentfactory.recommendation.privacy;

import static com.agentfactory.recommendation.support.CommerceEventMother.abandonedCart;
import static com.agentfactory.recommendation.support.CommerceEventMother.addedToCart;
import static com.agentfactory.recommendation.support.CommerceEventMother.customer;
import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import com.agentfactory.recommendation.support.UnreachableRedis;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class RecommendationPersonalDataIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RecommendationPersonalData personalData;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anErasureDropsTheCustomersCachedListsWithTheirData() {
        UUID customer = UUID.randomUUID();
        // the key the recommendation cache keeps a customer's lists under
        String cached = "recommendation:user:" + customer;
        redis.opsForHash().put(cached, "cart_recovery", "[\"the abandoned cart's products\"]");

        personalData.erase(customer);

        assertThat(redis.hasKey(cached)).isFalse();
    }

    @Test
    void anErasureWhoseCachedListsRedisFailsToDropCommitsAndTheyAreDroppedOnceItAnswers() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lamp = UUID.randomUUID();
        storefront.publish(product(lamp, "Lamp", freshCategory("light"), "25.00", 5));
        storefront.publish(viewed(customer, lamp));
        await().atMost(WAIT).until(() -> interactionsOf(customer) == 1);
        String cached = "recommendation:user:" + customer;
        redis.opsForHash().put(cached, "cart_recovery", "[\"the abandoned cart's products\"]");
        RedisConnectionFactory reachable = redis.getRequiredConnectionFactory();
        StringRedisTemplate testsOwnRedis = new StringRedisTemplate(reachable);

        UnreachableRedis unreachable = UnreachableRedis.started();
        redis.setConnectionFactory(unreachable);
        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> personalData.erase(customer));
        } finally {
            redis.setConnectionFactory(reachable);
            unreachable.destroy();
        }

        assertThat(interactionsOf(customer)).isZero();
        assertThat(testsOwnRedis.hasKey(cached)).isTrue();
        await().atMost(WAIT).until(() -> !testsOwnRedis.hasKey(cached));
    }

    @Test
    void eventsOfAnErasedCustomerReadAfterTheErasureRecordNothing() {
        UUID customer = UUID.randomUUID();
        UUID lamp = UUID.randomUUID();
        storefront.publish(product(lamp, "Lamp", freshCategory("light"), "25.00", 5));
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> personalData.erase(customer));

        // still queued when the erasure ran, or replayed after it
        List<CommerceEvent> late = List.of(
                viewed(customer, lamp),
                addedToCart(customer, lamp),
                order(customer, lamp),
                abandonedCart(customer, lamp),
                customer(customer, "NL"));
        late.forEach(storefront::publish);
        UUID[] eventIds = late.stream().map(CommerceEvent::eventId).toArray(UUID[]::new);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(DISTINCT message_id) FROM processed_messages WHERE message_id = ANY (?)",
                                Integer.class,
                                (Object) eventIds)
                        == late.size());

        assertThat(interactionsOf(customer)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM abandoned_carts WHERE user_id = ?", Integer.class, customer))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM customer_countries WHERE customer_id = ?", Integer.class, customer))
                .isZero();
    }

    @Test
    void aListComputedFromTheHistoryBeforeAnErasureIsNotCachedAfterIt() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID lamp = UUID.randomUUID();
        storefront.publish(product(lamp, "Lamp", freshCategory("light"), "25.00", 5));
        storefront.publish(viewed(customer, lamp));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM interactions WHERE user_id = ?", Integer.class, customer)
                        == 1);
        String cached = "recommendation:user:" + customer;
        String listUrl = "/api/v1/recommendations/users/" + customer;

        CompletableFuture<Api.Response> list;
        try (Connection holder = dataSource.getConnection();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            // the list reads the customer's history, then waits here to look up the products it chose
            statement.execute("LOCK TABLE products IN ACCESS EXCLUSIVE MODE");
            list = CompletableFuture.supplyAsync(() -> api.get(listUrl));
            LockWaits.awaitSessionBlockedBy(jdbc, LockWaits.backendPid(holder));

            personalData.erase(customer);
            holder.rollback();
        }

        assertThat(list.get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(redis.hasKey(cached)).isFalse();
        // a list computed after the erasure is cached as any other
        askUntilCached(listUrl, cached);
    }

    private int interactionsOf(UUID customer) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM interactions WHERE user_id = ?", Integer.class, customer);
        return count == null ? 0 : count;
    }
}

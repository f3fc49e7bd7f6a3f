package com.agentfactory.recommendation.support;

import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The recommendation agent on a random port, on the JVM's shared PostgreSQL, Kafka and Redis. Every trained
 * version goes into service: the tests' interactions are few and change between trainings, so the hold-out
 * gate of production would keep most versions out and the tests could not see what they just published.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "agentfactory.recommendation.model.promotion-tolerance=1")
@UsesLocalInfrastructure
@Import(Storefront.class)
public abstract class RecommendationIntegrationTest {

    private static final Duration CACHING = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    protected Storefront storefront;

    @Autowired
    private StringRedisTemplate cachedLists;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * Asks for the list at {@code listUrl} until lists are cached under {@code key}. One answer does not make sure of
     * it: a clearing of the key still to come when it was given drops the list it cached, or refuses to store it. The
     * clearing that follows the commit of a customer's event runs after the test can see the event's rows, and an
     * erased customer's lists are not stored until the service knows their drop is done.
     */
    protected void askUntilCached(String listUrl, String key) {
        await().atMost(CACHING).until(() -> {
            api.get(listUrl);
            return cachedLists.hasKey(key);
        });
    }

    /** As {@link #askUntilCached(String, String)}, for one field of the key: the list cached in it. */
    protected String askUntilCached(String listUrl, String key, String field) {
        return await().atMost(CACHING)
                .until(
                        () -> {
                            api.get(listUrl);
                            return cachedLists.opsForHash().get(key, field);
                        },
                        Objects::nonNull)
                .toString();
    }

    /** The product ids of a list, in order. */
    protected static List<String> productIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(product -> ids.add(product.path("product_id").asString()));
        return ids;
    }

    protected static List<String> recommendedIds(Api.Response response) {
        return productIds(response.body().path("recommendations"));
    }
}

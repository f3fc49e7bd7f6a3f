package com.agentfactory.recommendation.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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

    @LocalServerPort
    int port;

    @Autowired
    protected Storefront storefront;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
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

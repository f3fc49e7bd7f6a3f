package com.agentfactory.recommendation.support;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The recommendation agent on a random port, on the JVM's shared PostgreSQL, Kafka and Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
}

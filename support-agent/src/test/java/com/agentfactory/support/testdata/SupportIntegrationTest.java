package com.agentfactory.support.testdata;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The support agent on a random port, on the JVM's shared PostgreSQL and Kafka. Same configuration as the
 * agent contract test, so all integration tests share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
public abstract class SupportIntegrationTest {

    @LocalServerPort
    int port;

    protected SupportApi api;

    @BeforeEach
    void connect() {
        api = new SupportApi(port);
    }
}

package com.agentfactory.gateway.support;

import com.agentfactory.gateway.auth.TestTokens;
import com.agentfactory.gateway.user.UserService;
import com.agentfactory.infra.FreePorts;
import com.agentfactory.infra.test.UsesLocalInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port against the real PostgreSQL and Redis, with every service replaced by one
 * {@link StubDownstreamService} and the ad-agent pointed at a port nobody listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
// the first requests of a fresh context (password hashing, JIT) can take seconds on a loaded machine
@AutoConfigureWebTestClient(timeout = "30s")
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.key-prefix=rate-limit-${random.uuid}",
            "agentfactory.rate-limit.anonymous.capacity=100000",
            "agentfactory.rate-limit.anonymous.refill-per-second=10000",
            "agentfactory.rate-limit.user.capacity=100000",
            "agentfactory.rate-limit.user.refill-per-second=10000",
            // every test calls from one address: AccessMatrixIT alone makes over a thousand requests, faster than the
            // default per-address bucket refills on an idle machine
            "agentfactory.rate-limit.ip.capacity=100000",
            "agentfactory.rate-limit.ip.refill-per-second=10000",
            "agentfactory.auth.service-clients=test-service:test-service-secret-0123456789abcdef",
            "agentfactory.auth.bootstrap-admin.email=" + GatewayIntegrationTest.BOOTSTRAP_ADMIN_EMAIL,
            "agentfactory.auth.bootstrap-admin.password=" + GatewayIntegrationTest.BOOTSTRAP_ADMIN_PASSWORD,
            "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
            // short for PrivacyRequestRelayIT's rounds; set here so that all tests share one context
            "agentfactory.privacy.interval=200ms"
        })
public abstract class GatewayIntegrationTest {

    protected static final String BOOTSTRAP_ADMIN_EMAIL = "bootstrap-admin@example.test";
    protected static final String BOOTSTRAP_ADMIN_PASSWORD = "bootstrap-admin-password";
    /** Where the supervisor's coordinator lists the privacy requests still waiting for the gateway's report. */
    protected static final String PENDING_PRIVACY_REQUESTS = "/api/v1/privacy/participants/gateway-service/requests";
    // the privacy relay asks for its pending requests every round: like the coordinator, none unless a test says so
    protected static final StubDownstreamService STUB =
            StubDownstreamService.start().answerAlways(PENDING_PRIVACY_REQUESTS, "[]");
    protected static final int UNUSED_PORT = FreePorts.find();

    @Autowired
    protected WebTestClient client;

    @Autowired
    private ApplicationContext context;

    protected TestUsers users;

    @DynamicPropertySource
    static void downstreamServices(DynamicPropertyRegistry registry) {
        for (String service :
                new String[] {"supervisor", "support", "recommendation", "inventory", "campaign", "finance"}) {
            registry.add("agentfactory.downstream." + service + "-url", STUB::url);
        }
        registry.add("agentfactory.downstream.ad-url", () -> "http://127.0.0.1:" + UNUSED_PORT);
    }

    @BeforeEach
    void createObjectMother() {
        users = new TestUsers(context.getBean(UserService.class), TestTokens.from(context));
    }

    /** Signs in through the gateway's own endpoint, as the dashboard does. */
    protected WebTestClient.ResponseSpec login(String email, String password) {
        return client.post()
                .uri("/api/v1/auth/login")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    /** Signs up as a customer through the gateway's own endpoint, as the storefront does. */
    protected WebTestClient.ResponseSpec register(String email) {
        return client.post()
                .uri("/api/v1/auth/register")
                .bodyValue(Map.of(
                        "email", email, "password", TestUsers.PASSWORD, "first_name", "Ann", "last_name", "Customer"))
                .exchange();
    }

    /** A new customer's id: their sign-up must succeed. */
    protected UUID signUp(String email) {
        Map<String, Object> body = register(email)
                .expectStatus()
                .isCreated()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();
        return UUID.fromString((String) body.get("user_id"));
    }

    protected WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post()
                .uri("/api/v1/auth/refresh")
                .bodyValue(Map.of("refresh_token", refreshToken))
                .exchange();
    }

    /** The JSON body of an answer that must be 200. */
    protected static Map<String, Object> okBody(WebTestClient.ResponseSpec response) {
        return response.expectStatus()
                .isOk()
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();
    }
}

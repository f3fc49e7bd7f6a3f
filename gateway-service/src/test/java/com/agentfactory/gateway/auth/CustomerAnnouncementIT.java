package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.StubDownstreamService.RecordedRequest;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A sign-up reaches the shop as a customer record through the supervisor's event intake (stubbed here). */
class CustomerAnnouncementIT extends GatewayIntegrationTest {

    private static final String EVENTS = "/api/v1/events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void announcesASignUpAsACustomerRecordUnderTheGatewaysServiceToken() throws Exception {
        String email = TestUsers.uniqueEmail("announced");

        UUID customerId = signUp(email);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !announcementsOf(email).isEmpty());
        RecordedRequest sent = announcementsOf(email).getFirst();
        JsonNode event = JSON.readTree(sent.body());
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(event.path("type").asString()).isEqualTo("customer.upserted");
        assertThat(event.path("customer_id").asString()).isEqualTo(customerId.toString());
        assertThat(event.path("email").asString()).isEqualTo(email);
        assertThat(UUID.fromString(event.path("event_id").asString())).isNotNull();
        var claims = users.tokens().forwardedClaims(sent.header("Authorization"));
        assertThat(claims.getStringListClaim("roles")).containsExactly("SYSTEM_AGENT");
        assertThat(claims.getStringClaim("client_id")).isEqualTo(GatewayServiceToken.CLIENT_ID);
    }

    @Test
    void keepsAnnouncingWithTheSameEventUntilTheIntakeAcceptsIt() throws Exception {
        String email = TestUsers.uniqueEmail("retried");
        STUB.failNext(EVENTS, email, 2);

        signUp(email);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                        "SELECT announced_at IS NOT NULL FROM customer_announcements WHERE email = ?",
                        Boolean.class,
                        email));
        List<RecordedRequest> attempts = announcementsOf(email);
        assertThat(attempts).hasSize(3);
        assertThat(attempts.stream()
                        .map(attempt ->
                                JSON.readTree(attempt.body()).path("event_id").asString())
                        .distinct())
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM customer_announcements WHERE email = ?", Integer.class, email))
                .isEqualTo(3);
    }

    @Test
    void announcesNothingForARefusedSignUp() {
        String email = TestUsers.uniqueEmail("twice");
        signUp(email);

        register(email).expectStatus().isEqualTo(409);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM customer_announcements WHERE email = ?", Long.class, email))
                .isEqualTo(1);
    }

    private static List<RecordedRequest> announcementsOf(String email) {
        return STUB.requestsTo(EVENTS).stream()
                .filter(request -> request.body().contains(email))
                .toList();
    }
}

package com.agentfactory.gateway.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.gateway.auth.GatewayServiceToken;
import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.StubDownstreamService.RecordedRequest;
import com.agentfactory.gateway.support.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The accounts' part of privacy requests: the gateway fetches what the coordinator (stubbed here) has pending for it
 * and reports each export or erasure back under its own service token.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyRequestRelayIT extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void exportsTheCustomersAccountAndSignInHistory() throws Exception {
        String email = TestUsers.uniqueEmail("exported");
        UUID customerId = signUp(email);
        login(email, "a wrong password").expectStatus().isUnauthorized();
        UUID requestId = UUID.randomUUID();

        STUB.answerNext(PENDING_PRIVACY_REQUESTS, pending(requestId, customerId, "EXPORT"));

        RecordedRequest report = awaitReport(requestId);
        JsonNode body = JSON.readTree(report.body());
        assertThat(body.path("data").path("account").get(0).path("email").asString())
                .isEqualTo(email);
        assertThat(body.path("data").path("sign_in_history").valueStream().map(e -> e.path("type")
                        .asString()))
                .contains("REGISTERED", "LOGIN_FAILED");
        assertThat(body.path("records").asInt())
                .isEqualTo(body.path("data").path("account").size()
                        + body.path("data").path("sign_in_history").size());
        var claims = users.tokens().forwardedClaims(report.header("Authorization"));
        assertThat(claims.getStringClaim("client_id")).isEqualTo(GatewayServiceToken.CLIENT_ID);
    }

    @Test
    void erasesTheCustomersAccountAndKeepsTheSignInLogWithoutThePerson() {
        String email = TestUsers.uniqueEmail("erased");
        UUID customerId = signUp(email);
        UUID requestId = UUID.randomUUID();

        STUB.answerNext(PENDING_PRIVACY_REQUESTS, pending(requestId, customerId, "ERASURE"));

        JsonNode report = JSON.readTree(awaitReport(requestId).body());
        assertThat(report.path("records").asLong()).isPositive();
        assertThat(report.has("data")).isFalse();
        login(email, TestUsers.PASSWORD).expectStatus().isUnauthorized();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE id = ?", Long.class, customerId))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM auth_events WHERE user_id = ? OR lower(email) = lower(?)",
                        Long.class,
                        customerId,
                        email))
                .as("the sign-in history keeps no trace of the person but the one failed sign-in after erasure")
                .isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM customer_announcements WHERE customer_id = ?", Long.class, customerId))
                .isZero();
    }

    @Test
    void leavesStaffAccountsAlone() {
        var staff = users.signedIn(com.agentfactory.access.Role.SUPPORT_AGENT);
        UUID requestId = UUID.randomUUID();

        STUB.answerNext(PENDING_PRIVACY_REQUESTS, pending(requestId, staff.id(), "ERASURE"));

        JsonNode report = JSON.readTree(awaitReport(requestId).body());
        assertThat(report.path("records").asLong()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE id = ?", Long.class, staff.id()))
                .isEqualTo(1);
    }

    @Test
    void pollsQuietlyWhileTheCoordinatorHasNothingPending(CapturedOutput output) {
        int polled = STUB.requestsTo(PENDING_PRIVACY_REQUESTS).size();

        // the third request means the two rounds before it were answered and handled
        await().atMost(Duration.ofSeconds(20))
                .until(() -> STUB.requestsTo(PENDING_PRIVACY_REQUESTS).size() >= polled + 3);

        assertThat(output.getOut()).doesNotContain("Fetching privacy requests");
    }

    @Test
    void saysWhatAnsweredWhenTheCoordinatorsAnswerIsNotAList(CapturedOutput output) {
        STUB.answerNext(PENDING_PRIVACY_REQUESTS, "{\"error\":\"not the coordinator\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getOut())
                .contains(PENDING_PRIVACY_REQUESTS
                        + " answered application/json with a JSON OBJECT instead of a JSON list"));
    }

    @Test
    void saysWhatAnsweredWhenTheCoordinatorsAnswerIsNotJson(CapturedOutput output) {
        STUB.answerNext(PENDING_PRIVACY_REQUESTS, "<html>a proxy's page</html>");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getOut())
                .contains(PENDING_PRIVACY_REQUESTS + " answered application/json with no JSON instead of a JSON list"));
    }

    @Test
    void answersTheRequestsListedAfterOneItCannotRead(CapturedOutput output) {
        String email = TestUsers.uniqueEmail("after-malformed");
        UUID customerId = signUp(email);
        UUID requestId = UUID.randomUUID();
        String list = JSON.writeValueAsString(java.util.List.of(
                Map.of("request_id", "not-a-uuid", "customer_id", customerId, "action", "ERASURE"),
                Map.of("request_id", requestId, "customer_id", customerId, "action", "EXPORT")));

        STUB.answerNext(PENDING_PRIVACY_REQUESTS, list);

        JsonNode report = JSON.readTree(awaitReport(requestId).body());
        assertThat(report.path("data").path("account").get(0).path("email").asString())
                .as("the readable request was exported, and the unreadable erasure before it did nothing")
                .isEqualTo(email);
        assertThat(output.getOut()).contains("Skipped a pending privacy request without a request_id and customer_id");
    }

    private static RecordedRequest awaitReport(UUID requestId) {
        String path = PENDING_PRIVACY_REQUESTS + "/" + requestId + "/report";
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> STUB.requestTo(path), Optional::isPresent)
                .orElseThrow();
    }

    private static String pending(UUID requestId, UUID customerId, String action) {
        return JSON.writeValueAsString(
                java.util.List.of(Map.of("request_id", requestId, "customer_id", customerId, "action", action)));
    }
}

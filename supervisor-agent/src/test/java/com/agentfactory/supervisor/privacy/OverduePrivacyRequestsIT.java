package com.agentfactory.supervisor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A request one service never answers (its handler keeps failing, so no report comes) would stay in progress for
 * good, and the customer could never ask again: an admin gives it up once it is overdue.
 */
class OverduePrivacyRequestsIT extends SupervisorIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private final UUID customer = UUID.randomUUID();
    private Api asCustomer;
    private Api asAdmin;

    @BeforeEach
    void signIn() {
        asCustomer = api.withToken(TestTokens.customer(customer));
        asAdmin = api.withToken(TestTokens.staff("privacy-officer", "ADMIN"));
    }

    @Test
    void anAdminGivesUpAnOverdueRequestNamingTheSilentServiceAndTheCustomerMayAskAgain() {
        UUID stuck = exportAnsweredBySupportOnly(Duration.ofHours(2));
        assertThat(asCustomer.post(requests(), Map.of("action", "EXPORT")).status())
                .as("the stuck export blocks a new one")
                .isEqualTo(409);

        Response givenUp =
                asAdmin.post(requests() + "/" + stuck + "/give-up", Map.of("reason", "finance parks it on its DLT"));

        assertThat(givenUp.status()).as(String.valueOf(givenUp.body())).isEqualTo(200);
        assertThat(givenUp.text("/status")).isEqualTo("FAILED");
        assertThat(givenUp.body().path("overdue").asBoolean()).isFalse();
        JsonNode finance = participant(givenUp.body(), "finance-service");
        assertThat(finance.path("state").asString()).isEqualTo("FAILED");
        assertThat(finance.path("failure").asString())
                .contains("privacy-officer")
                .contains("finance parks it on its DLT");
        assertThat(participant(givenUp.body(), "support-agent").path("state").asString())
                .isEqualTo("DONE");
        assertThat(givenUp.body().path("history").valueStream().map(h -> h.path("event")
                        .asString()))
                .contains("GIVEN_UP", "FAILED");
        assertThat(asCustomer.post(requests(), Map.of("action", "EXPORT")).status())
                .isEqualTo(202);
    }

    @Test
    void refusesToGiveUpARequestWhoseServicesStillHaveTimeToAnswer() {
        UUID recent = exportAnsweredBySupportOnly(Duration.ofMinutes(1));

        Response refused = asAdmin.post(requests() + "/" + recent + "/give-up", Map.of("reason", "impatient"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/detail")).contains("not overdue");
        assertThat(asAdmin.get(requests() + "/" + recent).text("/status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aCustomerMayNotGiveUpTheirOwnRequest() {
        UUID stuck = exportAnsweredBySupportOnly(Duration.ofHours(2));

        Response refused = asCustomer.post(requests() + "/" + stuck + "/give-up", Map.of("reason", "I am tired"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(asAdmin.get(requests() + "/" + stuck).text("/status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void refusesToGiveUpWithoutAReasonNamingTheField() {
        UUID stuck = exportAnsweredBySupportOnly(Duration.ofHours(2));

        Response refused = asAdmin.post(requests() + "/" + stuck + "/give-up", Map.of("reason", " "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("reason");
    }

    /**
     * An export requested this long ago that support answered and finance never did: stored as the coordinator keeps
     * it, since no clock of the test can make a request made now overdue.
     */
    private UUID exportAnsweredBySupportOnly(Duration ago) {
        UUID id = UUID.randomUUID();
        Instant requestedAt = Instant.now().minus(ago);
        jdbc.update("""
                INSERT INTO privacy_requests (id, customer_id, action, status, participants, requested_by,
                                              requested_at, version)
                VALUES (?, ?, 'EXPORT', 'IN_PROGRESS', ARRAY['support-agent', 'finance-service'], 'customer', ?, 0)
                """, id, customer, Timestamp.from(requestedAt));
        jdbc.update(
                "INSERT INTO privacy_request_reports (privacy_request, participant, records, reported_at)"
                        + " VALUES (?, 'support-agent', 0, ?)",
                id,
                Timestamp.from(requestedAt.plusSeconds(1)));
        return id;
    }

    private static JsonNode participant(JsonNode request, String name) {
        return request.path("participants")
                .valueStream()
                .filter(p -> p.path("participant").asString().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String requests() {
        return "/api/v1/privacy/customers/" + customer + "/requests";
    }
}

package com.agentfactory.gateway.access;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.access.Role;
import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AccessControlIT extends GatewayIntegrationTest {

    @Test
    void rejectsRequestWithoutTokenWith401Problem() {
        client.get().uri("/api/v1/agents").exchange().expectHeader().valueEquals("WWW-Authenticate", "Bearer");
        Map<String, Object> problem =
                assertProblem(client.get().uri("/api/v1/agents").exchange(), HttpStatus.UNAUTHORIZED);

        assertThat(problem.get("instance")).isEqualTo("/api/v1/agents");
    }

    @Test
    void rejectsForgedTokenWith401Problem() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0.c2lnbmF0dXJl";

        assertProblem(
                client.get()
                        .uri("/api/v1/agents")
                        .header("Authorization", "Bearer " + forged)
                        .exchange(),
                HttpStatus.UNAUTHORIZED);
    }

    @Test
    void rejectsCustomerCallingAgentsWith403Problem() {
        var customer = users.customer();

        assertProblem(
                client.get()
                        .uri("/api/v1/agents")
                        .header("Authorization", customer.bearer())
                        .exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void answersUnknownPathsWith404Problem() {
        var admin = users.admin();

        assertProblem(client.get().uri("/api/v1/nothing-here").exchange(), HttpStatus.NOT_FOUND);
        assertProblem(
                client.get()
                        .uri("/api/v1/nothing-here")
                        .header("Authorization", admin.bearer())
                        .exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void letsCustomerReadOwnData() {
        var customer = users.customer();
        String path = "/api/v1/customers/" + customer.id() + "/orders";

        client.get()
                .uri(path)
                .header("Authorization", customer.bearer())
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(STUB.requestTo(path)).isPresent();
    }

    @Test
    void rejectsCustomerReadingAnotherCustomersData() {
        var customer = users.customer();
        var otherCustomer = users.customer();
        String path = "/api/v1/customers/" + otherCustomer.id() + "/orders";

        assertProblem(
                client.get()
                        .uri(path)
                        .header("Authorization", customer.bearer())
                        .exchange(),
                HttpStatus.FORBIDDEN);

        assertThat(STUB.requestTo(path)).isEmpty();
    }

    @Test
    void letsVisitorsBrowseProductsButNotChangeThem() {
        String path = "/api/v1/products/" + UUID.randomUUID();

        client.get().uri(path).exchange().expectStatus().isOk();
        assertProblem(client.delete().uri(path).exchange(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void letsSupportAgentReadButNotChangeInventory() {
        var supportAgent = users.signedIn(Role.SUPPORT_AGENT);
        String path = "/api/v1/inventory/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header("Authorization", supportAgent.bearer())
                .exchange()
                .expectStatus()
                .isOk();
        assertProblem(
                client.put()
                        .uri(path)
                        .header("Authorization", supportAgent.bearer())
                        .exchange(),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void letsMarketingManagerRunCampaigns() {
        var manager = users.signedIn(Role.MARKETING_MANAGER);

        client.post()
                .uri("/api/v1/campaigns")
                .header("Authorization", manager.bearer())
                .bodyValue(Map.of("name", "spring sale"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void letsServicesReachSupervisorEvents() {
        client.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + users.systemAgentToken())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void letsCustomerPostStorefrontEventsWithItsOwnIdentityButNotReadThem() {
        var customer = users.customer();

        client.post()
                .uri("/api/v1/events/batch")
                .header("Authorization", customer.bearer())
                .bodyValue(java.util.Map.of("events", java.util.List.of()))
                .exchange()
                .expectStatus()
                .isOk();

        var received = STUB.requestTo("/api/v1/events/batch").orElseThrow();
        var claims = users.tokens().forwardedClaims(received.header("Authorization"));
        assertThat(claims.getClaim("customer_id")).isEqualTo(customer.id().toString());
        assertThat(claims.getClaim("roles")).isEqualTo(java.util.List.of("CUSTOMER"));
        assertProblem(
                client.get()
                        .uri("/api/v1/events")
                        .header("Authorization", customer.bearer())
                        .exchange(),
                HttpStatus.FORBIDDEN);
    }
}

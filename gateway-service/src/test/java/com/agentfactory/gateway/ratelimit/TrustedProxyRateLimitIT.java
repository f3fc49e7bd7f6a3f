package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.gateway.support.ProblemAssertions;
import com.agentfactory.gateway.support.TestUsers;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Behind one trusted proxy (ingress-nginx), as in k8s/: every test's requests come from the same socket peer, and the
 * X-Forwarded-For entry the proxy appended tells the clients apart. Anonymous buckets of two that hardly refill.
 */
@TestPropertySource(
        properties = {
            "agentfactory.client-address.trusted-proxy-hops=1",
            "agentfactory.rate-limit.anonymous.capacity=2",
            "agentfactory.rate-limit.anonymous.refill-per-second=0.01"
        })
class TrustedProxyRateLimitIT extends GatewayIntegrationTest {

    @Test
    void givesEachAddressTheProxyForwardsItsOwnAnonymousBucket() {
        String busy = "203.0.113.10";
        String other = "203.0.113.11";
        useUpAnonymousBucket(busy);

        assertProblem(product(headers -> headers.set("X-Forwarded-For", busy)), HttpStatus.TOO_MANY_REQUESTS);
        product(headers -> headers.set("X-Forwarded-For", other)).expectStatus().isOk();
    }

    @Test
    void keepsTheClientInItsBucketWhateverAddressesItPutsBeforeTheProxysEntry() {
        String client = "198.51.100.20";
        useUpAnonymousBucket(client);

        // what ingress-nginx sends on with compute-full-forwarded-for: the client's own header, then the real peer
        assertProblem(
                product(headers -> headers.set("X-Forwarded-For", "192.0.2.99, " + client)),
                HttpStatus.TOO_MANY_REQUESTS);
        // ingress-nginx passes an RFC 7239 Forwarded header through as the client sent it
        assertProblem(
                product(headers -> {
                    headers.set("Forwarded", "for=192.0.2.98");
                    headers.set("X-Forwarded-For", client);
                }),
                HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void auditsTheForwardedAddressAsTheClients() {
        String email = "forwarded-" + UUID.randomUUID() + "@example.test";
        client.post()
                .uri("/api/v1/auth/register")
                .header("X-Forwarded-For", "192.0.2.1, 2001:db8::7")
                .bodyValue(Map.of(
                        "email", email, "password", TestUsers.PASSWORD, "first_name", "Ann", "last_name", "Customer"))
                .exchange()
                .expectStatus()
                .isCreated();

        var events = client.get()
                .uri(uri -> uri.path("/api/v1/auth/audit")
                        .queryParam("email", email)
                        .build())
                .header("Authorization", users.admin().bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();

        assertThat(events).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("type", "REGISTERED")
                .containsEntry("client_ip", "2001:db8:0:0:0:0:0:7"));
    }

    private void useUpAnonymousBucket(String address) {
        for (int i = 0; i < 2; i++) {
            product(headers -> headers.set("X-Forwarded-For", address))
                    .expectStatus()
                    .isOk();
        }
    }

    private WebTestClient.ResponseSpec product(Consumer<HttpHeaders> headers) {
        return client.get()
                .uri("/api/v1/products/" + UUID.randomUUID())
                .headers(headers)
                .exchange();
    }
}

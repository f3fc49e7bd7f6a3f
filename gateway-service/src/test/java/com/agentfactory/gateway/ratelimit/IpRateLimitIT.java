package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/** Roomy per-user buckets but a client-IP bucket of four: accounts behind one address share it. */
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.key-prefix=rate-limit-ip-test",
            "agentfactory.rate-limit.user.capacity=100",
            "agentfactory.rate-limit.ip.capacity=4",
            "agentfactory.rate-limit.ip.refill-per-second=0.01"
        })
class IpRateLimitIT extends GatewayIntegrationTest {

    @Test
    void refusesAUserWithTokensLeftOnceItsAddressHasUsedUpTheIpBucket() {
        var first = users.customer();
        var second = users.customer();
        for (int i = 0; i < 3; i++) {
            client.get()
                    .uri("/api/v1/support/conversations")
                    .header("Authorization", first.bearer())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", second.bearer())
                .exchange()
                .expectStatus()
                .isOk();

        var refused = client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", second.bearer())
                .exchange();

        refused.expectHeader().exists("Retry-After");
        assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS);
    }
}

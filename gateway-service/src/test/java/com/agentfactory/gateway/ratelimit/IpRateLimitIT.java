package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Roomy per-user buckets but a client-IP bucket of four: accounts behind one address share it. No proxy is trusted
 * (the default), so an X-Forwarded-For header the client sends does not move it to another bucket.
 */
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
                .header("X-Forwarded-For", "203.0.113.40")
                .exchange()
                .expectStatus()
                .isOk();

        var refused = client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", second.bearer())
                .header("X-Forwarded-For", "203.0.113.41")
                .header("Forwarded", "for=203.0.113.42")
                .exchange();

        refused.expectHeader().exists("Retry-After");
        assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS);
    }
}

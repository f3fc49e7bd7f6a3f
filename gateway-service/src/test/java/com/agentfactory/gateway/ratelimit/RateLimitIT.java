package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/** Buckets of three that refill one token per 100 s, so the fourth request in a row is always refused. */
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.anonymous.capacity=3",
            "agentfactory.rate-limit.anonymous.refill-per-second=0.01",
            "agentfactory.rate-limit.user.capacity=3",
            "agentfactory.rate-limit.user.refill-per-second=0.01"
        })
class RateLimitIT extends GatewayIntegrationTest {

    @Test
    void refusesAnonymousCallerWith429OnceItsIpBucketIsEmpty() {
        for (int i = 2; i >= 0; i--) {
            client.get()
                    .uri("/api/v1/products/" + UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(RateLimitWebFilter.REMAINING_HEADER, Integer.toString(i));
        }

        var refused = client.get().uri("/api/v1/products/" + UUID.randomUUID()).exchange();

        refused.expectHeader()
                .value("Retry-After", value -> org.assertj.core.api.Assertions.assertThat(Long.parseLong(value))
                        .isBetween(1L, 100L))
                .expectHeader()
                .valueEquals(RateLimitWebFilter.REMAINING_HEADER, "0");
        assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void limitsEachUserWithTheirOwnBucket() {
        var busy = users.customer();
        var other = users.customer();
        for (int i = 0; i < 3; i++) {
            client.get()
                    .uri("/api/v1/support/conversations")
                    .header("Authorization", busy.bearer())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        var refused = client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", busy.bearer())
                .exchange();

        refused.expectHeader().exists("Retry-After");
        assertProblem(refused, HttpStatus.TOO_MANY_REQUESTS);
        client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", other.bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }
}

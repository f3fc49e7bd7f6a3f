package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * An anonymous bucket of three that refills one token per 100 s: requests whose bearer token is refused are charged to
 * it, though they never get past authentication.
 */
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.anonymous.capacity=3",
            "agentfactory.rate-limit.anonymous.refill-per-second=0.01"
        })
class BadTokenRateLimitIT extends GatewayIntegrationTest {

    // an RS256 header and claims with a signature the gateway's key did not make: refused only after the RSA check
    private static final String FORGED_RS256 = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0."
            + "c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl";

    @Test
    void refusesBadTokensFromOneAddressWith429OnceItsBucketIsEmpty() {
        for (String token : List.of("junk", FORGED_RS256, "junk")) {
            var refused = client.get()
                    .uri("/api/v1/support/conversations")
                    .header("Authorization", "Bearer " + token)
                    .exchange();
            refused.expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            assertProblem(refused, HttpStatus.UNAUTHORIZED);
        }

        var limited = client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", "Bearer " + FORGED_RS256)
                .exchange();

        assertProblem(limited, HttpStatus.TOO_MANY_REQUESTS);
        limited.expectHeader()
                .value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 100L))
                .expectHeader()
                .valueEquals(RateLimitWebFilter.REMAINING_HEADER, "0");

        // a signed-in caller at the same address is held to its own buckets, not the anonymous one
        client.get()
                .uri("/api/v1/support/conversations")
                .header("Authorization", users.customer().bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }
}

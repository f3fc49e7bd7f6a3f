package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The app's files in a bucket of five per address that refills one token per 100 s, beside an anonymous bucket of
 * three that refills one per 50 s: each is emptied by its own requests alone, and tells its own wait when empty.
 */
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.key-prefix=rate-limit-app-files-bucket-${random.uuid}",
            "agentfactory.rate-limit.anonymous.capacity=3",
            "agentfactory.rate-limit.anonymous.refill-per-second=0.02",
            "agentfactory.rate-limit.app-files.capacity=5",
            "agentfactory.rate-limit.app-files.refill-per-second=0.01",
            // a first call that misses the usual timeout on a loaded machine would be let through uncounted
            "agentfactory.rate-limit.redis-timeout=5s"
        })
class AppFilesBucketIT extends GatewayIntegrationTest {

    @Test
    void limitsTheAppsFilesInABucketOfTheirOwnWithoutChargingTheApisBucket() {
        appFile(client.get().uri("/shop"));
        appFile(client.head().uri("/admin/tasks"));

        // the API's bucket is whole after them, and emptied by API calls alone
        for (int i = 2; i >= 0; i--) {
            client.get()
                    .uri("/api/v1/products/" + UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(RateLimitWebFilter.REMAINING_HEADER, Integer.toString(i));
        }
        WebTestClient.ResponseSpec apiRefused =
                client.get().uri("/api/v1/products/" + UUID.randomUUID()).exchange();
        assertProblem(apiRefused, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(retryAfter(apiRefused)).isBetween(40L, 50L);

        // the app's files are still served, until their own bucket of five is empty
        appFile(client.get().uri("/"));
        appFile(client.get().uri("/login"));
        appFile(client.get().uri("/dashboard"));
        WebTestClient.ResponseSpec fileRefused = client.get().uri("/shop").exchange();
        assertProblem(fileRefused, HttpStatus.TOO_MANY_REQUESTS);
        fileRefused.expectHeader().doesNotExist(RateLimitWebFilter.REMAINING_HEADER);
        assertThat(retryAfter(fileRefused)).isBetween(90L, 100L);
    }

    private static void appFile(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                // the page is the same for everyone; a count in it would be one client's, told to the next
                .doesNotExist(RateLimitWebFilter.REMAINING_HEADER);
    }

    private static long retryAfter(WebTestClient.ResponseSpec response) {
        AtomicLong seconds = new AtomicLong(-1);
        response.expectHeader().value(HttpHeaders.RETRY_AFTER, value -> seconds.set(Long.parseLong(value)));
        return seconds.get();
    }
}

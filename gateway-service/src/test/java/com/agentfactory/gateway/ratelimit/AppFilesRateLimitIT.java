package com.agentfactory.gateway.ratelimit;

import static com.agentfactory.gateway.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An anonymous bucket of three that refills one token per 100 s, as for several people behind one address opening
 * the app at once: its page and bundles are fetched without touching the bucket, the APIs stay limited.
 */
@TestPropertySource(
        properties = {
            "agentfactory.rate-limit.key-prefix=rate-limit-app-files-${random.uuid}",
            "agentfactory.rate-limit.anonymous.capacity=3",
            "agentfactory.rate-limit.anonymous.refill-per-second=0.01",
            // a first call that misses the usual timeout on a loaded machine would be let through uncounted
            "agentfactory.rate-limit.redis-timeout=5s"
        })
class AppFilesRateLimitIT extends GatewayIntegrationTest {

    private static final Pattern BUNDLES = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");
    private static final int PEOPLE_BEHIND_ONE_ADDRESS = 5;

    private WebTestClient web;

    @BeforeEach
    void allowBundles() {
        web = client.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    @Test
    void servesTheAppsPageAndBundlesWithoutChargingTheAnonymousBucket() {
        for (int person = 0; person < PEOPLE_BEHIND_ONE_ADDRESS; person++) {
            String page = ok(person % 2 == 0 ? "/admin/tasks" : "/shop");
            Matcher bundles = BUNDLES.matcher(page);
            assertThat(bundles.find()).as("the page names its bundles").isTrue();
            do {
                ok(bundles.group(1));
                web.head()
                        .uri(bundles.group(1))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .doesNotExist(RateLimitWebFilter.REMAINING_HEADER);
            } while (bundles.find());
        }

        // the whole bucket is still there for the API calls, which stay limited
        for (int i = 2; i >= 0; i--) {
            web.get()
                    .uri("/api/v1/products/" + UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(RateLimitWebFilter.REMAINING_HEADER, Integer.toString(i));
        }
        assertProblem(web.get().uri("/api/v1/products/" + UUID.randomUUID()).exchange(), HttpStatus.TOO_MANY_REQUESTS);
    }

    private String ok(String path) {
        byte[] body = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(RateLimitWebFilter.REMAINING_HEADER)
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(body).as(path).isNotNull();
        return new String(body, StandardCharsets.UTF_8);
    }
}

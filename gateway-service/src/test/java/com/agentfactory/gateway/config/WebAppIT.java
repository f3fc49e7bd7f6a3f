package com.agentfactory.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class WebAppIT extends GatewayIntegrationTest {

    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

    private WebTestClient web;

    @BeforeEach
    void allowBundlesAndASlowFirstRequest() {
        // the entry bundle is larger than the gateway's 64 KB in-memory limit for bodies it reads itself
        web = client.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    @Test
    void servesTheAppAtTheRootWithoutCachingIt() {
        String html = index("/");

        assertThat(html).contains("<div id=\"root\"></div>");
    }

    @Test
    void answersDeepLinksOfTheAppWithItsPage() {
        for (String path : new String[] {
            "/admin", "/admin/tasks/7d1f6a6e-3c1b-4d7e-9a52-0f1f6a0c2b11", "/shop/products/abc", "/dashboard", "/login"
        }) {
            assertThat(index(path)).as(path).contains("<div id=\"root\"></div>");
        }
    }

    @Test
    void cachesHashedBundlesForAYear() {
        Matcher script = ENTRY_SCRIPT.matcher(index("/"));
        assertThat(script.find()).as("index.html names its entry bundle").isTrue();

        web.get()
                .uri(script.group(1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.CACHE_CONTROL,
                        value -> assertThat(value).contains("max-age=31536000").contains("immutable"))
                .expectBody()
                .consumeWith(body -> assertThat(body.getResponseBody()).isNotEmpty());
    }

    @Test
    void leavesApiPathsToTheirRoutes() {
        var admin = users.admin();
        String path = "/api/v1/agents/tasks";

        web.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .isEqualTo("{\"stub\":true}");

        assertThat(STUB.requestTo(path)).isPresent();
    }

    @Test
    void stillAnswersUnknownPathsOutsideTheAppWithNotFound() {
        web.get().uri("/no-such-page").exchange().expectStatus().isNotFound();
    }

    private String index(String path) {
        byte[] body = web.get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .cacheControl(CacheControl.noCache())
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return new String(body, StandardCharsets.UTF_8);
    }
}

package com.agentfactory.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
    private static final Pattern BUNDLE = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script([^>]*)>(.*?)</script>");
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

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
    void servesTheAppsPagesAndBundlesUnderItsContentSecurityPolicy() {
        String html = index("/");
        Matcher bundle = BUNDLE.matcher(html);
        assertThat(bundle.find()).as("index.html names its bundles").isTrue();

        for (String path : new String[] {"/", "/login", "/admin/tasks/abc", "/shop/products/abc", bundle.group(1)}) {
            web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(CONTENT_SECURITY_POLICY, policy -> assertThat(directives(policy))
                            .as(path)
                            .contains(
                                    "default-src 'self'",
                                    "script-src 'self'",
                                    "object-src 'none'",
                                    "base-uri 'none'",
                                    "frame-ancestors 'none'",
                                    "form-action 'self'",
                                    // the sandboxed e-mail previews inherit the policy: their inline styles,
                                    // stylesheets, images and web fonts from anywhere show as recipients see them
                                    "style-src 'self' 'unsafe-inline' https:",
                                    "img-src 'self' data: https:",
                                    "font-src 'self' https: data:"));
        }
    }

    /** What the policy refuses, the built app must not need: its page and bundles are checked for it. */
    @Test
    void theAppNeedsNothingItsPolicyRefuses() {
        String html = index("/");

        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            assertThat(script.group(1)).as("a script of the page").matches(".*\\ssrc=\"/assets/[^\"]+\".*");
            assertThat(script.group(2)).as("inline script").isBlank();
        }
        assertThat(html).as("inline event handlers").doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
        assertThat(html).as("no base element, which base-uri refuses").doesNotContainIgnoringCase("<base");
        Matcher bundle = BUNDLE.matcher(html);
        while (bundle.find()) {
            String content = asset(bundle.group(1));
            if (bundle.group(1).endsWith(".css")) {
                assertThat(content)
                        .as("%s loads nothing from elsewhere", bundle.group(1))
                        .doesNotContainPattern("(?i)@import|url\\(\\s*['\"]?(https?:)?//");
            } else {
                assertThat(content)
                        .as("%s evaluates no text as code", bundle.group(1))
                        .doesNotContain("eval(")
                        .doesNotContain("new Function(");
            }
        }
    }

    @Test
    void leavesTheApiDocsAndTheApisWithoutTheAppsPolicy() {
        URI ui = web.get()
                .uri("/docs")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .doesNotExist(CONTENT_SECURITY_POLICY)
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        assertThat(ui).isNotNull();

        web.get()
                .uri(ui.getPath())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(CONTENT_SECURITY_POLICY);
        web.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(CONTENT_SECURITY_POLICY);
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

    private String asset(String path) {
        byte[] body = web.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        assertThat(body).as(path).isNotNull();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).toList();
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

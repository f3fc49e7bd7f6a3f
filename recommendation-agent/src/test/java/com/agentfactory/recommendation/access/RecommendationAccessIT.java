package com.agentfactory.recommendation.access;

import static com.agentfactory.recommendation.support.CommerceEventMother.abandonedCart;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read which lists and change the rules, with the identity headers the gateway sets. */
class RecommendationAccessIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int localPort;

    private final UUID shopper = UUID.randomUUID();
    private final UUID otherShopper = UUID.randomUUID();
    private final UUID camera = UUID.randomUUID();

    @BeforeEach
    void aCameraLeftInBothShoppersCarts() {
        storefront.publish(product(camera, "Camera", "photo-" + UUID.randomUUID(), "499.00", 5));
        storefront.publish(abandonedCart(shopper, camera));
        storefront.publish(abandonedCart(otherShopper, camera));
        await().atMost(WAIT)
                .until(() -> get("/api/v1/recommendations/users/" + otherShopper + "/cart-recovery", "ADMIN", null)
                                .statusCode()
                        == 200);
    }

    @Test
    void aCustomerReadsItsOwnCartRecoveryList() {
        await().atMost(WAIT).untilAsserted(() -> {
            var own = asShopper("/api/v1/recommendations/users/" + shopper + "/cart-recovery");
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.body()).contains(camera.toString());
        });
        assertThat(asShopper("/api/v1/recommendations/users/" + shopper).statusCode())
                .isEqualTo(200);
        assertThat(asShopper("/api/v1/recommendations/users/" + shopper + "/cross-sell")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anotherCustomersListsAnswer404AndRevealNothing() {
        var cartRecovery = asShopper("/api/v1/recommendations/users/" + otherShopper + "/cart-recovery");
        var forUser = asShopper("/api/v1/recommendations/users/" + otherShopper);
        var crossSell = asShopper("/api/v1/recommendations/users/" + otherShopper + "/cross-sell");
        var upsell = asShopper("/api/v1/recommendations/upsell?product_ids=" + camera + "&user_id=" + otherShopper);
        var boughtTogether = asShopper("/api/v1/recommendations/frequently-bought-together?product_ids=" + camera
                + "&user_id=" + otherShopper);

        for (var response : java.util.List.of(cartRecovery, forUser, crossSell, upsell, boughtTogether)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain(camera.toString()).doesNotContain("abandoned");
        }
    }

    @Test
    void staffReadAnyCustomersLists() {
        var support = get("/api/v1/recommendations/users/" + otherShopper + "/cart-recovery", "SUPPORT_AGENT", null);

        assertThat(support.statusCode()).isEqualTo(200);
        assertThat(support.body()).contains(camera.toString());
    }

    @Test
    void merchandisingRulesMarginsAndBatchListsAreForMarketingAndAdmins() {
        String block = "{\"kind\":\"block\",\"product_id\":\"" + camera + "\"}";

        assertThat(get("/api/v1/recommendations/rules", "CUSTOMER", shopper).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/v1/recommendations/rules", "SUPPORT_AGENT", null).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/recommendations/rules", block, "CUSTOMER", shopper)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("PUT", "/api/v1/products/" + camera + "/margin", "{\"margin\":10}", "CUSTOMER", shopper)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send(
                                "POST",
                                "/api/v1/recommendations/batch",
                                "{\"user_ids\":[\"" + shopper + "\"]}",
                                "CUSTOMER",
                                shopper)
                        .statusCode())
                .isEqualTo(403);
        var created = send("POST", "/api/v1/recommendations/rules", block, "MARKETING_MANAGER", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/recommendations/rules", "ADMIN", null).body()).contains(camera.toString());
        assertThat(send("PUT", "/api/v1/products/" + camera + "/margin", "{\"margin\":10}", "MARKETING_MANAGER", null)
                        .statusCode())
                .isEqualTo(200);
        String ruleId = created.body().replaceAll(".*\"rule_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        assertThat(send("DELETE", "/api/v1/recommendations/rules/" + ruleId, null, "CUSTOMER", shopper)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", "/api/v1/recommendations/rules/" + ruleId, null, "ADMIN", null)
                        .statusCode())
                .isEqualTo(204);
    }

    private HttpResponse<String> asShopper(String path) {
        return get(path, "CUSTOMER", shopper);
    }

    private HttpResponse<String> get(String path, String role, UUID customerId) {
        return send("GET", path, null, role, customerId);
    }

    private HttpResponse<String> send(String method, String path, String json, String role, UUID customerId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.person(
                                        customerId == null ? "staff-" + role.toLowerCase() : customerId.toString(),
                                        customerId,
                                        role))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e.getMessage(), e);
        }
    }
}

package com.agentfactory.recommendation.rule;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pin, boost and block rules through the admin API, and their effect on the lists. */
class BusinessRulesIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ModelService models;

    @LocalServerPort
    int serverPort;

    private final UUID camera = UUID.randomUUID();
    private final UUID lens = UUID.randomUUID();
    private final UUID tripod = UUID.randomUUID();
    private final UUID strap = UUID.randomUUID();

    /** The lens sells with the camera three times as often as the tripod. */
    @BeforeEach
    void storeWhereTheLensSellsWithTheCamera() {
        String photo = freshCategory("photo");
        storefront.publish(product(camera, "Camera", photo, "499.00", 5));
        storefront.publish(product(lens, "Lens", photo, "199.00", 5));
        storefront.publish(product(tripod, "Tripod", photo, "59.00", 5));
        storefront.publish(product(strap, "Strap", photo, "9.00", 5));
        for (int i = 0; i < 3; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, lens));
        }
        storefront.publish(order(UUID.randomUUID(), camera, tripod));
        // both orders' lines must be in the model, not only the lens's: the tests read the tripod's place too
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + camera + "/similar")))
                    .startsWith(lens.toString())
                    .contains(tripod.toString());
        });
    }

    // rules apply to every list: none may outlive its test
    @AfterEach
    void deleteAllRules() {
        api.get("/api/v1/recommendations/rules")
                .body()
                .forEach(rule -> delete(
                        "/api/v1/recommendations/rules/" + rule.path("rule_id").asString()));
    }

    @Test
    void pinsAProductAtItsPositionInEveryList() {
        var created = api.post("/api/v1/recommendations/rules", rule("pin", strap, 1, null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/kind")).isEqualTo("pin");
        var similar = api.get("/api/v1/recommendations/products/" + camera + "/similar");
        assertThat(similar.text("/recommendations/0/product_id")).isEqualTo(strap.toString());
        assertThat(similar.text("/recommendations/0/source")).isEqualTo("pinned");
        assertThat(similar.text("/recommendations/1/product_id")).isEqualTo(lens.toString());
        assertThat(api.get("/api/v1/recommendations/users/" + UUID.randomUUID()).text("/recommendations/0/product_id"))
                .isEqualTo(strap.toString());
    }

    @Test
    void neverShowsABlockedProductAndShowsItAgainOnceTheRuleIsDeleted() {
        var created = api.post("/api/v1/recommendations/rules", rule("block", lens, null, null));

        assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + camera + "/similar")))
                .doesNotContain(lens.toString())
                .contains(tripod.toString());

        assertThat(delete("/api/v1/recommendations/rules/" + created.text("/rule_id")))
                .isEqualTo(204);
        assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + camera + "/similar")))
                .startsWith(lens.toString());
    }

    @Test
    void boostsAProductAboveBetterScoredOnes() {
        api.post("/api/v1/recommendations/rules", rule("boost", tripod, null, "10"));

        assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + camera + "/similar")))
                .startsWith(tripod.toString());
    }

    @Test
    void listsTheRulesInForce() {
        api.post("/api/v1/recommendations/rules", rule("boost", tripod, null, "2.5"));

        var rules = api.get("/api/v1/recommendations/rules");

        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.body().size()).isEqualTo(1);
        assertThat(rules.text("/0/product_id")).isEqualTo(tripod.toString());
        assertThat(rules.body().at("/0/boost").decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void rejectsRulesThatCannotWork() {
        var missingPosition = api.post("/api/v1/recommendations/rules", rule("pin", strap, null, "2"));
        assertThat(missingPosition.status()).isEqualTo(400);
        assertThat(missingPosition.errorFields()).containsExactlyInAnyOrder("position", "boost");

        var badKind = api.post("/api/v1/recommendations/rules", rule("promote", strap, 51, null));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.errorFields()).containsExactlyInAnyOrder("kind", "position");

        var tooSmall = api.post("/api/v1/recommendations/rules", rule("boost", strap, null, "0.0001"));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.errorFields()).containsOnly("boost");

        var tooFine = api.post("/api/v1/recommendations/rules", rule("boost", strap, null, "1.23456"));
        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(tooFine.errorFields()).containsExactly("boost");

        var unknownProduct = api.post("/api/v1/recommendations/rules", rule("block", UUID.randomUUID(), null, null));
        assertThat(unknownProduct.status()).isEqualTo(422);
        assertThat(unknownProduct.errorFields()).containsExactly("product_id");

        api.post("/api/v1/recommendations/rules", rule("block", strap, null, null));
        var duplicate = api.post("/api/v1/recommendations/rules", rule("pin", strap, 3, null));
        assertThat(duplicate.status()).isEqualTo(409);

        assertThat(delete("/api/v1/recommendations/rules/" + UUID.randomUUID())).isEqualTo(404);
    }

    private static Map<String, Object> rule(String kind, UUID productId, Integer position, String boost) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("kind", kind);
        rule.put("product_id", productId.toString());
        if (position != null) {
            rule.put("position", position);
        }
        if (boost != null) {
            rule.put("boost", new java.math.BigDecimal(boost));
        }
        return rule;
    }

    private int delete(String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + path))
                                    .header(
                                            "Authorization",
                                            "Bearer " + TestTokens.staff("test-user", "MARKETING_MANAGER"))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("DELETE " + path + " failed", e);
        }
    }
}

package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.abandonedCart;
import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The cart, checkout, post-purchase, campaign and abandoned-cart lists, as API and as agent tasks. */
class SurfacesIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ModelService models;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final UUID camera = UUID.randomUUID();
    private final UUID lens = UUID.randomUUID();
    private final UUID proCamera = UUID.randomUUID();
    private final UUID tripod = UUID.randomUUID();
    private final UUID bag = UUID.randomUUID();
    private final UUID shopper = UUID.randomUUID();
    private String cameras;

    /** Cameras sell with a lens, and more often with a tripod and a bag of another category. */
    @BeforeEach
    void storeWithCoPurchases() {
        cameras = freshCategory("cameras");
        String accessories = freshCategory("accessories");
        storefront.publish(product(camera, "Camera", cameras, "499.00", 5));
        storefront.publish(product(lens, "Lens", cameras, "199.00", 5));
        storefront.publish(product(proCamera, "Pro camera", cameras, "899.00", 5));
        storefront.publish(product(tripod, "Tripod", accessories, "59.00", 5));
        storefront.publish(product(bag, "Camera bag", accessories, "39.00", 5));
        for (int i = 0; i < 3; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, tripod, bag));
        }
        for (int i = 0; i < 2; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, lens));
        }
        storefront.publish(order(shopper, camera));
    }

    @Test
    void listsWhatIsBoughtTogetherWithTheCartButNotTheCartItself() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            var response = api.get("/api/v1/recommendations/frequently-bought-together?product_ids=" + camera);
            assertThat(response.status()).isEqualTo(200);
            // asserted, not indexed blindly: until the first retraining the list may be shorter, and only a
            // failed assertion makes Awaitility try again
            assertThat(recommendedIds(response)).hasSizeGreaterThanOrEqualTo(3);
            assertThat(recommendedIds(response).subList(0, 3))
                    .containsExactlyInAnyOrder(tripod.toString(), bag.toString(), lens.toString());
        });

        var response = api.get(
                "/api/v1/recommendations/frequently-bought-together?product_ids=" + camera + "," + tripod + "&limit=5");
        assertThat(recommendedIds(response))
                .hasSizeLessThanOrEqualTo(5)
                .doesNotContain(camera.toString(), tripod.toString());
        assertThat(recommendedIds(response).getFirst()).isEqualTo(bag.toString());
    }

    @Test
    void upsellsPricierProductsOfTheSameCategory() {
        await().atMost(WAIT).untilAsserted(() -> {
            var response = api.get("/api/v1/recommendations/upsell?product_ids=" + camera);
            assertThat(response.status()).isEqualTo(200);
            assertThat(recommendedIds(response)).containsExactly(proCamera.toString());
            assertThat(response.text("/recommendations/0/source")).isEqualTo("upsell");
        });
    }

    @Test
    void findsSimilarProductsForAProductNobodyHasInteractedWith() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + proCamera + "/similar")))
                    .contains(camera.toString(), lens.toString());
        });
    }

    @Test
    void showsANewUserThePopularProductsOfTheCategoryTheyFirstLookedAt() {
        UUID newcomer = UUID.randomUUID();
        storefront.publish(viewed(newcomer, proCamera));

        // the shared store also holds every other test's "Camera" and "Pro camera", as popular and as similar by
        // name as this one's, so the category's runner-up (the lens) is looked for in a longer list
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            var response = api.get("/api/v1/recommendations/users/" + newcomer + "?limit=50");
            assertThat(recommendedIds(response)).first().isEqualTo(camera.toString());
            assertThat(recommendedIds(response)).contains(lens.toString());
        });
    }

    @Test
    void upsellsTheMostProfitableStepUpFirst() {
        UUID luxuryCamera = UUID.randomUUID();
        storefront.publish(product(luxuryCamera, "Luxury camera", cameras, "1999.00", 5));
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/products/" + luxuryCamera).status() == 200);
        assertThat(recommendedIds(api.get("/api/v1/recommendations/upsell?product_ids=" + camera)))
                .containsExactly(proCamera.toString(), luxuryCamera.toString());

        api.put("/api/v1/products/" + luxuryCamera + "/margin", Map.of("margin", 900));

        assertThat(recommendedIds(api.get("/api/v1/recommendations/upsell?product_ids=" + camera + "&limit=5")))
                .containsExactly(luxuryCamera.toString(), proCamera.toString());
    }

    @Test
    void crossSellsWhatOthersBoughtInOtherCategoriesAfterAPurchase() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            var response = api.get("/api/v1/recommendations/users/" + shopper + "/cross-sell");
            assertThat(response.status()).isEqualTo(200);
            assertThat(recommendedIds(response)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(recommendedIds(response).subList(0, 2))
                    .containsExactlyInAnyOrder(tripod.toString(), bag.toString());
            assertThat(recommendedIds(response))
                    .doesNotContain(camera.toString(), lens.toString(), proCamera.toString());
        });
    }

    @Test
    void recoversTheAbandonedCartWithItsProductsFirstAndFollowsTheNextAbandonment() {
        UUID customer = UUID.randomUUID();
        storefront.publish(abandonedCart(customer, camera));

        await().atMost(WAIT).untilAsserted(() -> {
            var response = api.get("/api/v1/recommendations/users/" + customer + "/cart-recovery");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text("/recommendations/0/product_id")).isEqualTo(camera.toString());
            assertThat(response.text("/recommendations/0/source")).isEqualTo("abandoned_cart");
        });

        storefront.publish(abandonedCart(customer, tripod));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(api.get("/api/v1/recommendations/users/" + customer + "/cart-recovery")
                                .text("/recommendations/0/product_id"))
                        .isEqualTo(tripod.toString()));
    }

    @Test
    void answersNotFoundForTheRecoveryListOfAUserWithoutAnAbandonedCart() {
        var response = api.get("/api/v1/recommendations/users/" + UUID.randomUUID() + "/cart-recovery");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void listsForManyUsersAtOnceForACampaign() {
        UUID newcomer = UUID.randomUUID();

        var response =
                api.post("/api/v1/recommendations/batch", Map.of("user_ids", List.of(shopper, newcomer), "limit", 10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().path("users").asInt()).isEqualTo(2);
        assertThat(response.text("/lists/1/user_id")).isEqualTo(newcomer.toString());
        assertThat(response.body().at("/lists/1/recommendations").size()).isEqualTo(10);
    }

    @Test
    void rejectsInvalidSurfaceRequestsWithTheFieldsAtFault() {
        var batch = api.post("/api/v1/recommendations/batch", Map.of("user_ids", List.of(), "limit", 5));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.errorFields()).containsExactlyInAnyOrder("user_ids", "limit");
        // more lists than one answer carries: 51 users at limit 50
        var tooLarge = api.post(
                "/api/v1/recommendations/batch",
                Map.of("user_ids", Stream.generate(UUID::randomUUID).limit(51).toList(), "limit", 50));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorFields()).containsExactly("user_ids");

        var crossSell = api.get("/api/v1/recommendations/users/" + shopper + "/cross-sell?limit=51");
        assertThat(crossSell.status()).isEqualTo(400);
        assertThat(crossSell.errorFields()).containsExactly("limit");

        assertThat(api.get("/api/v1/recommendations/upsell").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/recommendations/frequently-bought-together?product_ids=not-a-uuid")
                        .status())
                .isEqualTo(400);

        // an empty piece of a comma-separated list binds as a null id
        for (String path : List.of(
                "/api/v1/recommendations/frequently-bought-together?product_ids=" + camera + ",",
                "/api/v1/recommendations/upsell?product_ids=,",
                "/api/v1/recommendations/users/" + shopper + "/cross-sell?product_ids=" + camera + ",")) {
            var withAnEmptyId = api.get(path);
            assertThat(withAnEmptyId.status()).as(path).isEqualTo(400);
            assertThat(withAnEmptyId.errorFields()).as(path).containsOnly("product_ids");
        }
    }

    @Test
    void answersEveryNewTaskTypeOverKafka() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(recommendedIds(api.get("/api/v1/recommendations/users/" + shopper + "/cross-sell")))
                    .contains(tripod.toString());
        });
        UUID customer = UUID.randomUUID();
        storefront.publish(abandonedCart(customer, lens));
        await().atMost(WAIT)
                .until(() -> api.get("/api/v1/recommendations/users/" + customer + "/cart-recovery")
                                .status()
                        == 200);
        var probe = new AgentTaskProbe(bootstrapServers);

        var together = run(probe, "frequently-bought-together", input().set("product_ids", ids(camera)));
        assertThat(productIds(together.path("recommendations"))).contains(tripod.toString());

        var upsell = run(probe, "upsell-products", input().set("product_ids", ids(camera)));
        assertThat(productIds(upsell.path("recommendations"))).containsExactly(proCamera.toString());

        var crossSell = run(probe, "cross-sell-products", input().put("user_id", shopper.toString()));
        assertThat(productIds(crossSell.path("recommendations"))).contains(tripod.toString());

        var recovery = run(probe, "abandoned-cart-recovery", input().put("user_id", customer.toString()));
        assertThat(recovery.at("/recommendations/0/product_id").asString()).isEqualTo(lens.toString());

        var batch = run(probe, "batch-recommendations", input().set("user_ids", ids(shopper, customer)));
        assertThat(batch.path("users").asInt()).isEqualTo(2);

        int before = models.current().version();
        var retrained = run(probe, "retrain-recommendation-models", input());
        assertThat(retrained.path("model_version").asInt()).isGreaterThan(before);
        assertThat(retrained.path("model_version").asInt())
                .isEqualTo(models.current().version());
    }

    @Test
    void failsTheRecoveryTaskOfAUserWithoutAnAbandonedCart() {
        var report = new AgentTaskProbe(bootstrapServers)
                .run(
                        "recommendation",
                        "abandoned-cart-recovery",
                        input().put("user_id", UUID.randomUUID().toString()),
                        WAIT);

        assertThat(report)
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED));
    }

    private static JsonNode run(AgentTaskProbe probe, String taskType, ObjectNode input) {
        Optional<TaskStatusChanged> report = probe.run("recommendation", taskType, input, WAIT);
        assertThat(report)
                .hasValueSatisfying(
                        change -> assertThat(change.status()).as(taskType).isEqualTo(ReportedTaskStatus.COMPLETED));
        return report.orElseThrow().output();
    }

    private static ObjectNode input() {
        return JSON.createObjectNode();
    }

    private static JsonNode ids(UUID... ids) {
        var array = JSON.createArrayNode();
        for (UUID id : ids) {
            array.add(id.toString());
        }
        return array;
    }
}

package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

class RecommendationsIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    // sources that do not depend on the user's own history
    private static final List<String> UNPERSONAL_SOURCES =
            List.of("popularity", "trending", "category_popularity", "new_arrivals");

    @Autowired
    ModelService models;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final UUID camera = UUID.randomUUID();
    private final UUID lens = UUID.randomUUID();
    private final UUID tripod = UUID.randomUUID();
    private final UUID soldOutBag = UUID.randomUUID();
    private final UUID shopper = UUID.randomUUID();

    /** Three customers buy camera, lens and the sold-out bag together; the shopper has bought the camera. */
    @BeforeEach
    void storeWithCoPurchases() {
        String photo = freshCategory("photo");
        storefront.publish(product(camera, "Camera", photo, "499.00", 5));
        storefront.publish(product(lens, "Lens", photo, "199.00", 5));
        storefront.publish(product(tripod, "Tripod", photo, "59.00", 5));
        storefront.publish(product(soldOutBag, "Camera bag", photo, "39.00", 0));
        for (int i = 0; i < 3; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, lens, soldOutBag));
        }
        storefront.publish(order(shopper, camera));
        storefront.publish(viewed(UUID.randomUUID(), tripod));
    }

    @Test
    void recommendsWhatOthersBoughtWithTheUsersPurchaseButNeverItAgainNorSoldOutProducts() {
        awaitLensRecommendedFirstToTheShopper();

        var response = api.get("/api/v1/recommendations/users/" + shopper + "?limit=10");
        assertThat(response.status()).isEqualTo(200);
        assertThat(recommendedIds(response))
                .hasSizeLessThanOrEqualTo(10)
                .doesNotContain(camera.toString(), soldOutBag.toString());
        assertThat(response.text("/recommendations/0/product_id")).isEqualTo(lens.toString());
        assertThat(response.text("/recommendations/0/source")).isNotIn(UNPERSONAL_SOURCES);
    }

    @Test
    void dropsTheCachedListWhenTheUserBuysSomethingElse() {
        awaitLensRecommendedFirstToTheShopper();

        storefront.publish(order(shopper, lens));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(recommendedIds(api.get("/api/v1/recommendations/users/" + shopper)))
                        .doesNotContain(lens.toString()));
    }

    @Test
    void listsProductsBoughtTogetherAsSimilarAndOnTheProductPage() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(recommendedIds(api.get("/api/v1/recommendations/products/" + camera + "/similar")))
                    .startsWith(lens.toString());
        });

        var details = api.get("/api/v1/products/" + camera);
        List<String> onPage = new ArrayList<>();
        details.body()
                .path("recommendations")
                .forEach(p -> onPage.add(p.path("product_id").asString()));
        assertThat(onPage).contains(lens.toString()).doesNotContain(camera.toString(), soldOutBag.toString());
    }

    @Test
    void answersTheRecommendProductsTaskOverKafka() {
        awaitLensRecommendedFirstToTheShopper();
        var probe = new AgentTaskProbe(bootstrapServers);
        var input = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("user_id", shopper.toString())
                .put("limit", 10);

        var report = probe.run("recommendation", "recommend-products", input, WAIT);

        assertThat(report).hasValueSatisfying(change -> {
            assertThat(change.status()).isEqualTo(ReportedTaskStatus.COMPLETED);
            assertThat(change.output()
                            .path("recommendations")
                            .get(0)
                            .path("product_id")
                            .asString())
                    .isEqualTo(lens.toString());
        });
    }

    @Test
    void failsTheSimilarProductsTaskForAnUnknownProduct() {
        var probe = new AgentTaskProbe(bootstrapServers);
        var input = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("product_id", UUID.randomUUID().toString());

        var report = probe.run("recommendation", "similar-products", input, WAIT);

        assertThat(report)
                .hasValueSatisfying(change -> assertThat(change.status()).isEqualTo(ReportedTaskStatus.FAILED));
    }

    @Test
    void servesTheUsersListFromRedisForAnHour() {
        awaitLensRecommendedFirstToTheShopper();
        String key = "recommendation:user:" + shopper;
        // the homepage list of the model version in service, without rules, ten long
        String field = "for_you:" + models.current().version() + ":0:10";
        redis.opsForHash()
                .put(
                        key,
                        field,
                        redis.opsForHash()
                                .get(key, field)
                                .toString()
                                .replace("\"name\":\"Lens\"", "\"name\":\"From cache\""));

        var response = api.get("/api/v1/recommendations/users/" + shopper);

        assertThat(response.text("/recommendations/0/name")).isEqualTo("From cache");
        assertThat(redis.getExpire(key)).isBetween(1L, 3600L);
    }

    @Test
    void recordsEachTrainedVersionWithItsHoldoutMetrics() {
        int version = models.retrain().version();

        String metrics = jdbc.queryForObject(
                "SELECT metrics::text FROM model_versions WHERE model_type = 'item_cf' AND version = ?",
                String.class,
                version);
        assertThat(metrics).contains("item_cf_hr_at_10", "item_cf_ndcg_at_10", "holdout_users");
        assertThat(models.retrain().version()).isEqualTo(version + 1);
    }

    @Test
    void givesANewUserAFullListInStockSpanningSeveralCategories() {
        for (int c = 0; c < 4; c++) {
            String category = freshCategory("new-" + c);
            for (int p = 0; p < 3; p++) {
                storefront.publish(product(UUID.randomUUID(), "New " + c + "-" + p, category, "10.00", 3));
            }
        }
        UUID newcomer = UUID.randomUUID();

        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            var response = api.get("/api/v1/recommendations/users/" + UUID.randomUUID());
            assertThat(response.body().path("recommendations").size()).isEqualTo(10);
        });

        var response = api.get("/api/v1/recommendations/users/" + newcomer);
        List<String> categories = new ArrayList<>();
        response.body()
                .path("recommendations")
                .forEach(p -> categories.add(p.path("category").asString()));
        assertThat(categories).hasSize(10);
        assertThat(categories.stream().distinct().count()).isGreaterThanOrEqualTo(3);
        assertThat(recommendedIds(response)).doesNotContain(soldOutBag.toString());
    }

    @Test
    void rejectsAListLengthOutsideTenToFifty() {
        var response = api.get("/api/v1/recommendations/users/" + shopper + "?limit=5");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("limit");
    }

    @Test
    void answersNotFoundForSimilarProductsOfAnUnknownProduct() {
        assertThat(api.get("/api/v1/recommendations/products/" + UUID.randomUUID() + "/similar")
                        .status())
                .isEqualTo(404);
    }

    // until the shopper's purchase is stored and trained on, the list is popularity only
    private void awaitLensRecommendedFirstToTheShopper() {
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            var response = api.get("/api/v1/recommendations/users/" + shopper);
            assertThat(response.text("/recommendations/0/source")).isNotIn(UNPERSONAL_SOURCES);
            assertThat(recommendedIds(response)).startsWith(lens.toString());
        });
    }
}

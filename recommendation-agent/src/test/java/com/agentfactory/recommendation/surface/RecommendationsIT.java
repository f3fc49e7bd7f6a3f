package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static com.agentfactory.recommendation.support.CommerceEventMother.viewed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecommendationsIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    // sources that do not depend on the user's own history
    private static final List<String> UNPERSONAL_SOURCES =
            List.of("popularity", "trending", "newly_selling", "category_popularity", "new_arrivals");

    @Autowired
    ModelService models;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EnvelopeCodec codec;

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
        // the homepage list of the model version in service, without rules, ten long, under the catalog now
        String field = await().atMost(WAIT)
                .until(
                        () -> {
                            api.get("/api/v1/recommendations/users/" + shopper);
                            String homepage = "for_you:" + models.current().version() + ":0:10:" + catalogGeneration();
                            return redis.opsForHash().hasKey(key, homepage) ? homepage : null;
                        },
                        Objects::nonNull);
        String cached = redis.opsForHash().get(key, field).toString();
        redis.opsForHash().put(key, field, cached.replace("\"name\":\"Lens\"", "\"name\":\"From cache\""));

        var response = api.get("/api/v1/recommendations/users/" + shopper);

        assertThat(response.text("/recommendations/0/name")).isEqualTo("From cache");
        assertThat(redis.getExpire(key)).isBetween(1L, 3600L);
    }

    @Test
    void showsAProductsNewPriceInTheCachedListsOnceTheFeedChangesIt() {
        awaitLensRecommendedFirstToTheShopper();
        String listUrl = "/api/v1/recommendations/users/" + shopper;
        askUntilCached(listUrl, "recommendation:user:" + shopper);
        String category = api.get("/api/v1/products/" + lens).text("/category");

        storefront.publish(product(lens, "Lens", category, "149.00", 5));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        recommended(lens, api.get(listUrl)).path("price").decimalValue())
                .isEqualByComparingTo("149.00"));
    }

    @Test
    void ranksByAProductsNewMarginInTheCachedListsOnceItIsSet() {
        awaitLensRecommendedFirstToTheShopper();
        String listUrl = "/api/v1/recommendations/users/" + shopper;
        askUntilCached(listUrl, "recommendation:user:" + shopper);
        double scoreWithoutMargin =
                recommended(lens, api.get(listUrl)).path("score").doubleValue();

        assertThat(api.put("/api/v1/products/" + lens + "/margin", Map.of("margin", 99.5))
                        .status())
                .isEqualTo(200);

        // the margin boost lifts a product's score by its margin rate
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        recommended(lens, api.get(listUrl)).path("score").doubleValue())
                .isGreaterThan(scoreWithoutMargin));
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

    @Test
    void leavesAProductSoldOutInEveryWarehouseOutOfTheCachedListUntilItIsBackInStock() {
        awaitLensRecommendedFirstToTheShopper();
        String listUrl = "/api/v1/recommendations/users/" + shopper;
        askUntilCached(listUrl, "recommendation:user:" + shopper);
        String lensSku = sku(lens);
        Instant soldOut = Instant.now();

        publishStockLevel(lensSku, "main", 0, soldOut);

        await().atMost(WAIT).untilAsserted(() -> assertThat(recommendedIds(api.get(listUrl)))
                .doesNotContain(lens.toString()));

        // a change older than the one applied, arriving late, must not restock the lens; the one after it shows
        // when the older one has been passed over (same key, same partition)
        publishStockLevel(lensSku, "main", 4, soldOut.minusSeconds(60));
        publishStockLevel(lensSku, "south", 0, soldOut.plusSeconds(1));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM stock_levels WHERE sku = ? AND location = 'south'",
                                Integer.class,
                                lensSku)
                        == 1);
        assertThat(recommendedIds(api.get(listUrl))).doesNotContain(lens.toString());

        publishStockLevel(lensSku, "north", 2, soldOut.plusSeconds(2));

        await().atMost(WAIT).untilAsserted(() -> assertThat(recommendedIds(api.get(listUrl)))
                .startsWith(lens.toString()));
        // what is available in all warehouses, the late change left out
        assertThat(api.get("/api/v1/products/" + lens)
                        .body()
                        .path("stock_quantity")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void keepsTheKnownStockOfAProductWhenALaterFeedSaysNothingOfIt() {
        String category = api.get("/api/v1/products/" + soldOutBag).text("/category");

        storefront.publish(product(soldOutBag, "Camera bag XL", category, "39.00", null));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        api.get("/api/v1/products/" + soldOutBag).text("/name"))
                .isEqualTo("Camera bag XL"));
        assertThat(api.get("/api/v1/products/" + soldOutBag)
                        .body()
                        .path("stock_quantity")
                        .toString())
                .isEqualTo("0");
    }

    /** The product's entry in the response's list. */
    private static JsonNode recommended(UUID productId, Api.Response list) {
        for (JsonNode product : list.body().path("recommendations")) {
            if (product.path("product_id").asString().equals(productId.toString())) {
                return product;
            }
        }
        throw new AssertionError(productId + " is not in the list");
    }

    private String catalogGeneration() {
        return Objects.requireNonNullElse(redis.opsForValue().get(RecommendationCache.CATALOG), "0");
    }

    private static String sku(UUID productId) {
        // the SKU CommerceEventMother gives a product
        return "SKU-" + productId.toString().substring(0, 8);
    }

    /** A stock change as the inventory agent publishes it on inventory.stock: one warehouse's level of a SKU. */
    private void publishStockLevel(String sku, String location, int available, Instant at) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("sku", sku);
        change.put("location", location);
        change.put("available", available);
        change.put("on_hand", available);
        change.put("occurred_at", at);
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .timestamp(at)
                .sender(UUID.randomUUID().toString(), "inventory")
                .recipient(MessageEnvelope.BROADCAST, "broadcast")
                .action("inventory.stock_level_changed")
                .data(codec.toTree(change))
                .build();
        kafka.send("inventory.stock", sku, codec.encode(envelope)).join();
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

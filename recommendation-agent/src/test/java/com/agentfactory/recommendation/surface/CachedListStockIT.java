package com.agentfactory.recommendation.surface;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.order;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.recommendation.catalog.CatalogService;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import com.agentfactory.recommendation.support.StatementLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A cached list is served without the products sold out, which the agent knows in memory: serving it queries nothing,
 * a change made through another instance (written to the shared database, never seen by this one's listener) shows
 * within the configured max age, and a change applied here at once.
 */
@Import(StatementLog.class)
class CachedListStockIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    // time for a request to be served after the bound has passed, on a busy machine
    private static final Duration SERVING = Duration.ofSeconds(2);

    @Autowired
    RecommendationService recommendations;

    @Autowired
    ModelService models;

    @Autowired
    CatalogService catalog;

    @Autowired
    RecommendationProperties properties;

    @Autowired
    StatementLog statements;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID camera = UUID.randomUUID();
    private final UUID lens = UUID.randomUUID();
    private final UUID shopper = UUID.randomUUID();

    /** Customers buy camera and lens together; the shopper has bought the camera, so the lens comes first for them. */
    @BeforeEach
    void shopperWithALensRecommendedFirst() {
        String photo = freshCategory("photo");
        storefront.publish(product(camera, "Camera", photo, "499.00", 5));
        storefront.publish(product(lens, "Lens", photo, "199.00", 5));
        for (int i = 0; i < 3; i++) {
            storefront.publish(order(UUID.randomUUID(), camera, lens));
        }
        storefront.publish(order(shopper, camera));
        await().atMost(WAIT).untilAsserted(() -> {
            models.retrain();
            assertThat(ids(recommendations.forUser(shopper, 10))).startsWith(lens);
        });
        // each test takes its first answer for the cached list: the ten long "for you", the API's default
        askUntilCached("/api/v1/recommendations/users/" + shopper, "recommendation:user:" + shopper);
    }

    @Test
    void servesACachedListWithoutQueryingTheDatabaseEachTime() {
        UserRecommendationsResponse cached = recommendations.forUser(shopper, 10);
        int hits = 50;

        Instant start = Instant.now();
        List<String> ran = statements.of(() -> {
            for (int i = 0; i < hits; i++) {
                assertThat(recommendations.forUser(shopper, 10)).isEqualTo(cached);
            }
        });
        Duration elapsed = Duration.between(start, Instant.now());

        // the sold-out products are read again at most once per max age, however many lists are served meanwhile
        long readings = 1 + elapsed.toMillis() / properties.soldOutMaxAge().toMillis();
        assertThat(readings).isLessThan(hits);
        assertThat(ran).hasSizeLessThanOrEqualTo((int) readings).allSatisfy(sql -> assertThat(sql)
                .contains("stock_quantity <= 0")
                .doesNotContain("ANY"));
    }

    @Test
    void leavesAProductSoldOutThroughAnotherInstanceOutOfTheCachedListWithinTheMaxAgeUntilRestocked() {
        UserRecommendationsResponse cached = recommendations.forUser(shopper, 10);
        Duration bound = properties.soldOutMaxAge().plus(SERVING);

        // what another instance's stock listener leaves in the shared database
        setStock(lens, 0);

        await().atMost(bound).untilAsserted(() -> assertThat(recommendations.forUser(shopper, 10))
                .isEqualTo(without(cached, lens)));

        setStock(lens, 3);

        await().atMost(bound).untilAsserted(() -> assertThat(recommendations.forUser(shopper, 10))
                .isEqualTo(cached));
    }

    @Test
    void leavesAProductSoldOutHereOutOfTheCachedListAtOnce() {
        UserRecommendationsResponse cached = recommendations.forUser(shopper, 10);
        String lensSku = "SKU-" + lens.toString().substring(0, 8);
        Instant now = Instant.now();

        catalog.applyStockLevel(lensSku, "main", 0, now);

        assertThat(recommendations.forUser(shopper, 10)).isEqualTo(without(cached, lens));

        catalog.applyStockLevel(lensSku, "main", 2, now.plusSeconds(1));

        assertThat(recommendations.forUser(shopper, 10)).isEqualTo(cached);
    }

    private void setStock(UUID productId, int units) {
        jdbc.update("UPDATE products SET stock_quantity = ? WHERE product_id = ?", units, productId);
    }

    /** The cached list as served while a product of it is sold out: the same list, generated at the same time. */
    private static UserRecommendationsResponse without(UserRecommendationsResponse list, UUID productId) {
        return list.withRecommendations(list.recommendations().stream()
                .filter(item -> !item.productId().equals(productId))
                .toList());
    }

    private static List<UUID> ids(UserRecommendationsResponse list) {
        return list.recommendations().stream()
                .map(RecommendedProductResponse::productId)
                .toList();
    }
}

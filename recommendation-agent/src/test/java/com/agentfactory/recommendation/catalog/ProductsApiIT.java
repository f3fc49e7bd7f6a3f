package com.agentfactory.recommendation.catalog;

import static com.agentfactory.recommendation.support.CommerceEventMother.freshCategory;
import static com.agentfactory.recommendation.support.CommerceEventMother.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProductsApiIT extends RecommendationIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsProductsPublishedOnTheProductsTopicFilteredSortedAndPaged() {
        String category = freshCategory("lamps");
        storefront.publish(product("Desk lamp", category, "30.00"));
        storefront.publish(product("Floor lamp", category, "120.00"));
        storefront.publish(product("Reading lamp", category, "45.50"));
        storefront.publish(product("Other thing", freshCategory("misc"), "40.00"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/products?category=" + category)
                                .body()
                                .at("/pagination/total")
                                .asInt())
                        .isEqualTo(3));

        var page = api.get("/api/v1/products?category=" + category + "&sort=price_desc&page=1&limit=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(names(page)).containsExactly("Floor lamp", "Reading lamp");
        assertThat(page.body().at("/items/0/price").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(page.text("/items/0/currency")).isEqualTo("EUR");
        assertThat(page.body().at("/pagination/total_pages").asInt()).isEqualTo(2);

        var filtered = api.get("/api/v1/products?category=" + category + "&min_price=40&max_price=100&sort=price_asc");
        assertThat(names(filtered)).containsExactly("Reading lamp");

        var searched = api.get("/api/v1/products?category=" + category + "&search=DESK");
        assertThat(names(searched)).containsExactly("Desk lamp");
    }

    @Test
    void appliesTheLatestUpsertOfAProductOnlyOnce() {
        UUID productId = UUID.randomUUID();
        String category = freshCategory("chairs");
        ProductUpserted first = product(productId, "Chair", category, "50.00", 5);
        ProductUpserted repriced = product(productId, "Chair", category, "45.00", 0);
        storefront.publish(first);
        storefront.publish(repriced);
        storefront.publish(first);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var details = api.get("/api/v1/products/" + productId);
            assertThat(details.status()).isEqualTo(200);
            assertThat(details.body().at("/price").decimalValue()).isEqualByComparingTo("45.00");
        });
        var details = api.get("/api/v1/products/" + productId);
        assertThat(details.body().at("/stock_quantity").asInt()).isZero();
        assertThat(details.body().at("/recommendations").isArray()).isTrue();
    }

    @Test
    void answersNotFoundForAnUnknownProduct() {
        var response = api.get("/api/v1/products/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void rejectsAnUnknownSortAndOutOfRangePaging() {
        var response = api.get("/api/v1/products?sort=cheapest&page=0&limit=500");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("sort", "page", "limit");
    }

    @Test
    void rejectsANonNumericPrice() {
        assertThat(api.get("/api/v1/products?min_price=cheap").status()).isEqualTo(400);
    }

    @Test
    void rejectsPriceBoundsNoStoredPriceCouldHave() {
        var tooFine = api.get("/api/v1/products?min_price=1e-100000");
        var tooLarge = api.get("/api/v1/products?max_price=1e1000000");
        var negative = api.get("/api/v1/products?max_price=-1");

        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(tooFine.errorFields()).containsExactly("min_price");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorFields()).containsExactly("max_price");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("max_price");
        assertThat(api.get("/api/v1/products?min_price=0.5000&max_price=999999999999.99")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void takesTheMarginFromTheFeedsUnitCostAndKeepsItWhenALaterUpdateHasNoCost() {
        UUID productId = UUID.randomUUID();
        String category = freshCategory("lamps");
        storefront.publish(product(productId, "Lamp", category, "40.00", 5, "25.00"));
        await().atMost(Duration.ofSeconds(30)).until(() -> margin(productId) != null);
        assertThat(margin(productId)).isEqualByComparingTo("15.00");

        storefront.publish(product(productId, "Lamp, brass", category, "40.00", 4, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "Lamp, brass"
                .equals(api.get("/api/v1/products/" + productId).text("/name")));
        assertThat(margin(productId)).isEqualByComparingTo("15.00");
    }

    private BigDecimal margin(UUID productId) {
        return jdbc
                .query(
                        "SELECT margin FROM products WHERE product_id = ?",
                        (row, n) -> row.getBigDecimal("margin"),
                        productId)
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    @Test
    void keepsTheMarginTheFeedDoesNotCarryAndRejectsOneAboveThePrice() {
        UUID productId = UUID.randomUUID();
        storefront.publish(product(productId, "Vase", freshCategory("vases"), "40.00", 5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/products/" + productId).status() == 200);

        var updated = api.put("/api/v1/products/" + productId + "/margin", Map.of("margin", 12.5));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().at("/margin").decimalValue()).isEqualByComparingTo("12.5");

        var aboveThePrice = api.put("/api/v1/products/" + productId + "/margin", Map.of("margin", 41));
        assertThat(aboveThePrice.status()).isEqualTo(422);
        assertThat(aboveThePrice.errorFields()).containsExactly("margin");

        var negative = api.put("/api/v1/products/" + productId + "/margin", Map.of("margin", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("margin");

        assertThat(api.put("/api/v1/products/" + UUID.randomUUID() + "/margin", Map.of("margin", 1))
                        .status())
                .isEqualTo(404);
    }

    private static List<String> names(com.agentfactory.messaging.testing.Api.Response response) {
        List<String> names = new ArrayList<>();
        response.body()
                .path("items")
                .forEach(product -> names.add(product.path("name").asString()));
        return names;
    }
}

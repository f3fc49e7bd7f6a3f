package com.agentfactory.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StockedSkusIT extends InventoryIntegrationTest {

    @Test
    void listsTheStockedSkusWhoseNameContainsTheFilterInNameOrderWithTheirSums() {
        String family = CommerceEventMother.freshSku();
        stockNamed(family + "-B", 7);
        stockNamed(family + "-A", 3);
        publish(CommerceEventMother.order(family + "-A", 5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        stockOf(family + "-A").body().path("backordered").asInt())
                .isEqualTo(2));

        var found = api.get("/api/v1/inventory/skus?q=" + family.toLowerCase(Locale.ROOT));

        assertThat(found.status()).isEqualTo(200);
        var items = found.body().path("items");
        assertThat(List.of(
                        items.get(0).path("sku").asString(),
                        items.get(1).path("sku").asString()))
                .containsExactly(family + "-A", family + "-B");
        assertThat(items.size()).isEqualTo(2);
        assertThat(items.get(0).path("available").asInt()).isZero();
        assertThat(items.get(0).path("backordered").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("on_hand").asInt()).isEqualTo(7);
        assertThat(items.get(1).path("locations").asInt()).isEqualTo(1);
        assertThat(found.body().path("pagination").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void pagesThroughTheListAndTakesTheFilterLiterally() {
        String family = CommerceEventMother.freshSku();
        stockNamed(family + "_1", 1);
        stockNamed(family + "_2", 2);

        var second = api.get("/api/v1/inventory/skus?q=" + family + "_&limit=1&page=2");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("items").get(0).path("sku").asString()).isEqualTo(family + "_2");
        assertThat(second.body().path("pagination").path("total_pages").asLong())
                .isEqualTo(2);

        // '%' and '_' are characters of a SKU here, not wildcards
        assertThat(api.get("/api/v1/inventory/skus?q=" + family + "%25")
                        .body()
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/inventory/skus?q=" + family.substring(0, 4) + "_" + family.substring(5))
                        .body()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void refusesAPageOutOfRange() {
        var refused = api.get("/api/v1/inventory/skus?limit=0");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("limit");
    }

    @Test
    void refusesAPageBeyondTheLastNamingItInsteadOfOverflowingTheOffset() {
        var overflowing = api.get("/api/v1/inventory/skus?page=30000000&limit=100");
        var last = api.get("/api/v1/inventory/skus?page=100000&limit=100");

        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.errorFields()).containsExactly("page");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().path("items").size()).isZero();
    }

    private void stockNamed(String sku, int onHand) {
        publish(CommerceEventMother.product(sku, onHand));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(stockOf(sku).status()).isEqualTo(200));
    }
}

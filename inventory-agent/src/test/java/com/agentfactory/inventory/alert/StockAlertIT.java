package com.agentfactory.inventory.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.TopicMessages;
import com.agentfactory.inventory.topic.InventoryTopics;
import com.agentfactory.messaging.testing.Api;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StockAlertIT extends InventoryIntegrationTest {

    @Test
    void raisesLowAndOutOfStockOncePerCrossing() {
        // default reorder point 10
        String sku = stocked(12);
        publish(CommerceEventMother.order(sku, 3)); // 9: low
        awaitAvailable(sku, 9);
        publish(CommerceEventMother.order(sku, 1)); // 8: still low
        awaitAvailable(sku, 8);
        var emptying = CommerceEventMother.order(sku, 8); // 0: out
        publish(emptying);
        awaitAvailable(sku, 0);
        publish(CommerceEventMother.order(sku, 1)); // still out, one backordered
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        stockOf(sku).body().path("backordered").asInt())
                .isEqualTo(1));
        publish(CommerceEventMother.cancellationOf(emptying, 6)); // 5: back up to low, which raises nothing
        awaitAvailable(sku, 5);

        Api.Response alerts = api.get("/api/v1/inventory/alerts?sku=" + sku);

        assertThat(alerts.status()).isEqualTo(200);
        assertThat(alerts.body()
                        .path("items")
                        .valueStream()
                        .map(alert -> alert.path("type").asString() + "@"
                                + alert.path("available").asInt())
                        .toList())
                .containsExactly("out_of_stock@0", "low_stock@9");
        assertThat(alerts.body().path("pagination").path("total").asInt()).isEqualTo(2);
        assertThat(alerts.body().path("items").get(1).path("reorder_point").asInt())
                .isEqualTo(10);
        assertThat(alerts.text("/items/0/suggested_action")).contains("hide from the site");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(TopicMessages.read(bootstrapServers, InventoryTopics.ALERTS).stream()
                                .filter(envelope -> envelope.payload()
                                        .data()
                                        .path("sku")
                                        .asString()
                                        .equals(sku))
                                .map(envelope ->
                                        envelope.payload().data().path("type").asString())
                                .toList())
                        .containsExactly("low_stock", "out_of_stock"));
    }

    @Test
    void filtersAlertsByTypeAndRefusesAnUnknownType() {
        String sku = stocked(0);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/inventory/alerts?type=out_of_stock&sku=" + sku)
                                .body()
                                .path("items")
                                .size())
                        .isEqualTo(1));
        assertThat(api.get("/api/v1/inventory/alerts?type=low_stock&sku=" + sku)
                        .body()
                        .path("items")
                        .size())
                .isZero();
        Api.Response bogus = api.get("/api/v1/inventory/alerts?type=bogus");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.errorFields()).containsExactly("type");
    }

    private void awaitAvailable(String sku, int available) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(available(sku)).isEqualTo(available));
    }
}

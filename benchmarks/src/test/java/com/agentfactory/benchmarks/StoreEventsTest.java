package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StoreEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theOrdersBuyOnlyFromTheCatalogueForKnownCustomers() {
        StoreEvents store = StoreEvents.seeded(42, NOW);
        Set<String> products = new HashSet<>();
        store.products.forEach(product -> products.add(product.id().toString()));
        Set<String> customers = new HashSet<>();
        store.customers.forEach(customer -> customers.add(customer.id().toString()));

        JsonNode orders = JSON.readTree(StoreEvents.batch(store.orders())).path("events");

        assertThat(orders).isNotEmpty().allSatisfy(order -> {
            assertThat(order.path("type").asString()).isEqualTo("order.placed");
            assertThat(customers).contains(order.path("customer_id").asString());
            order.path("lines").forEach(line -> assertThat(products)
                    .contains(line.path("product_id").asString()));
        });
    }

    @Test
    void theCatalogueAndCustomersAreOneBatchTheSupervisorAccepts() {
        StoreEvents store = StoreEvents.seeded(42, NOW);

        JsonNode events =
                JSON.readTree(StoreEvents.batch(store.catalogueAndCustomers())).path("events");

        // the supervisor takes at most 500 events per batch
        assertThat(events.size())
                .isEqualTo(store.products.size() + store.customers.size())
                .isLessThanOrEqualTo(500);
        assertThat(events.get(0).path("price").path("currency").asString()).isEqualTo("GBP");
    }

    @Test
    void aSingleProductCarriesTheEventIdAndTimeItIsGiven() {
        UUID eventId = UUID.randomUUID();
        StoreEvents.Product lantern = new StoreEvents.Product(UUID.randomUUID(), "BENCH-1A2B", "lighting", "3.39");

        JsonNode event = JSON.readTree(StoreEvents.productUpserted(lantern, eventId, NOW));

        assertThat(event.path("type").asString()).isEqualTo("product.upserted");
        assertThat(event.path("event_id").asString()).isEqualTo(eventId.toString());
        assertThat(event.path("occurred_at").asString()).isEqualTo(NOW.toString());
        assertThat(event.path("sku").asString()).isEqualTo("BENCH-1A2B");
        assertThat(event.path("price").path("amount").asString()).isEqualTo("3.39");
        assertThat(event.path("stock_quantity").asInt()).isEqualTo(500);
    }

    @Test
    void theSameSeedAnnouncesTheSameStore() {
        assertThat(StoreEvents.seeded(7, NOW).orders())
                .isEqualTo(StoreEvents.seeded(7, NOW).orders());
    }

    @Test
    void theAdRequestsAreWellFormed() {
        JsonNode campaign = JSON.readTree(BenchmarkRun.adCampaign());
        JsonNode bid = JSON.readTree(BenchmarkRun.bidRequest());

        assertThat(campaign.path("ad_groups").get(0).path("regions").get(0).asString())
                .isEqualTo(bid.path("device").path("geo").path("region").asString());
        assertThat(BenchmarkRun.modelVersion("{\"user_id\":\"u\",\"model_version\": 3,\"recommendations\":[]}"))
                .isEqualTo(3);
    }
}

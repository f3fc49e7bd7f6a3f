package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A customer's right to their data across the running platform: an export gathers what every service holds about
 * them into one document, and an erasure leaves nothing a later export could find, while the ledger keeps its
 * amounts.
 */
class PrivacyEndToEndIT extends AsAdminOnThePlatform {

    private static final List<String> SERVICES = List.of(
            "ad-agent",
            "campaign-agent",
            "finance-service",
            "gateway-service",
            "inventory-agent",
            "recommendation-agent",
            "supervisor-agent",
            "support-agent");

    @Test
    void exportsEverythingAboutACustomerThenErasesItEverywhere() {
        String email = "privacy-" + UUID.randomUUID() + "@example.test";
        String password = "privacy-password-0123";
        Http.Reply registered = Http.post(
                gateway("/api/v1/auth/register"),
                null,
                Map.of("email", email, "password", password, "first_name", "Erin", "last_name", "Rasure"));
        assertThat(registered.status()).isEqualTo(201);
        UUID customerId = UUID.fromString(registered.text("/user_id"));
        String customerToken = login(email, password);
        // a customer's own order must be at the catalogue's price, so the shop lists the product first
        Map<String, Object> product = CommerceEvents.product("PRIV1", "Privacy lantern", "lighting", "3.39", 20);
        assertThat(Http.post(gateway("/api/v1/events"), adminToken, product).status())
                .isEqualTo(202);
        UUID productId = UUID.fromString((String) product.get("product_id"));
        UUID orderId = UUID.randomUUID();
        Instant orderedAt = Instant.now();
        assertThat(Http.post(
                                gateway("/api/v1/events"),
                                customerToken,
                                CommerceEvents.orderOf(customerId, orderId, productId, "PRIV1", 2, orderedAt))
                        .status())
                .isEqualTo(202);
        assertThat(Http.post(
                                gateway("/api/v1/support/messages"),
                                customerToken,
                                Map.of("text", "Where is my parcel? It has not arrived."))
                        .status())
                .isEqualTo(200);
        String orders = gateway("/api/v1/customers/" + customerId + "/orders");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        Http.get(orders, customerToken).body().path("items"))
                .isNotEmpty());

        // each service takes the sign-up and the order from Kafka in its own time: ask again until all have them
        JsonNode export = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> exportFor(customerId, customerToken), document -> {
                    JsonNode parts = document.path("services");
                    return !parts.path("campaign-agent").path("customer").isEmpty()
                            && !parts.path("recommendation-agent")
                                    .path("interactions")
                                    .isEmpty();
                });
        JsonNode services = export.path("services");
        assertThat(services.propertyNames()).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(services.path("gateway-service")
                        .path("account")
                        .get(0)
                        .path("email")
                        .asString())
                .isEqualTo(email);
        assertThat(services.path("finance-service")
                        .path("transactions")
                        .valueStream()
                        .map(t -> t.path("order_id").asString()))
                .contains(orderId.toString());
        assertThat(services.path("support-agent")
                        .path("conversation_messages")
                        .valueStream()
                        .map(m -> m.path("body").asString()))
                .contains("Where is my parcel? It has not arrived.");
        assertThat(services.path("supervisor-agent").path("commerce_events")).isNotEmpty();
        assertThat(services.path("campaign-agent")
                        .path("customer")
                        .get(0)
                        .path("email")
                        .asString())
                .isEqualTo(email);
        assertThat(services.path("recommendation-agent").path("interactions")).isNotEmpty();

        Http.Reply erasure = Http.post(
                gateway("/api/v1/privacy/customers/" + customerId + "/requests"),
                customerToken,
                Map.of("action", "ERASURE"));
        assertThat(erasure.status()).isEqualTo(202);
        JsonNode erased = awaitCompleted(customerId, erasure.text("/id"), adminToken);
        assertThat(erased.path("participants").valueStream().map(p -> p.path("state")
                        .asString()))
                .containsOnly("DONE");
        assertThat(Http.post(gateway("/api/v1/auth/login"), null, Map.of("email", email, "password", password))
                        .status())
                .isEqualTo(401);

        JsonNode after = exportFor(customerId, adminToken).path("services");
        for (String service : SERVICES) {
            after.path(service).properties().forEach(kind -> {
                if (!(service.equals("supervisor-agent") && kind.getKey().equals("privacy_requests"))) {
                    assertThat(kind.getValue())
                            .as(service + " " + kind.getKey())
                            .isEmpty();
                }
            });
        }
        // the order's own date: the round trips above may have crossed midnight
        String orderDay =
                orderedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        JsonNode ledger = Http.get(
                        gateway("/api/v1/financial/transactions?type=revenue&limit=500&date_from=" + orderDay),
                        adminToken)
                .body()
                .path("items");
        assertThat(ledger.valueStream()
                        .filter(t -> t.path("order_id").asString().equals(orderId.toString())))
                .as("the ledger keeps the amount without the person")
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.path("amount").decimalValue()).isEqualByComparingTo("6.78");
                    assertThat(t.path("customer_id").asString()).isNotEqualTo(customerId.toString());
                });
    }

    private static JsonNode exportFor(UUID customerId, String token) {
        Http.Reply requested = Http.post(
                gateway("/api/v1/privacy/customers/" + customerId + "/requests"), token, Map.of("action", "EXPORT"));
        assertThat(requested.status()).isEqualTo(202);
        awaitCompleted(customerId, requested.text("/id"), token);
        Http.Reply export = Http.get(
                gateway("/api/v1/privacy/customers/" + customerId + "/requests/" + requested.text("/id") + "/export"),
                token);
        assertThat(export.status()).isEqualTo(200);
        return export.body();
    }

    private static JsonNode awaitCompleted(UUID customerId, String requestId, String token) {
        String url = gateway("/api/v1/privacy/customers/" + customerId + "/requests/" + requestId);
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Http.get(url, token).body(),
                        body -> !body.path("status").asString().equals("IN_PROGRESS"));
    }
}

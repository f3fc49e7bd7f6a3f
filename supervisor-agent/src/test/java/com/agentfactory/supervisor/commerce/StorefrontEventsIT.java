package com.agentfactory.supervisor.commerce;

import static com.agentfactory.supervisor.support.CommerceEventMother.productUpserted;
import static com.agentfactory.supervisor.support.CommerceEventMother.productViewed;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** A signed-in customer sending storefront events: only its own, and only the kinds a shopper produces. */
class StorefrontEventsIT extends SupervisorIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    private final UUID customer = UUID.randomUUID();

    @Test
    void acceptsACustomersOwnOrderAndBrowsing() {
        Response order =
                asCustomer("/api/v1/events", orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "3.3900"));
        Response batch = asCustomer(
                "/api/v1/events/batch", Map.of("events", List.of(productViewed(customer), addedToCart(customer))));

        assertThat(order.status()).isEqualTo(202);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void refusesACustomersOrderBelowTheCataloguePriceAndStoresNothing() {
        Map<String, Object> cheap = orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "0.01");

        Response refused = asCustomer("/api/v1/events", cheap);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[0].unit_price");
        assertThat(refused.body().toString()).contains("3.39 GBP");
        assertThat(asStaff("/api/v1/events", cheap).text("/status"))
                .as("the refused order was not stored")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void refusesACustomersOrderLineNamingAnotherProductsSkuAndStoresNothing() {
        String cheap = catalogueProduct("0.50", "2010-12-01T08:26:00Z");
        Map<String, Object> expensive = productUpserted();
        String expensiveSku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        expensive.put("sku", expensiveSku);
        expensive.put("price", Map.of("amount", "899.00", "currency", "GBP"));
        assertThat(asStaff("/api/v1/events", expensive).status()).isEqualTo(202);
        Map<String, Object> swapped = ownedBy(CommerceEventsIT.orderPlaced(UUID.randomUUID()), customer);
        swapped.put("order_number", "T" + UUID.randomUUID().toString().substring(0, 8));
        swapped.put(
                "lines",
                List.of(Map.of("product_id", cheap, "sku", expensiveSku, "quantity", 2, "unit_price", "0.50")));

        Response refused = asCustomer("/api/v1/events", swapped);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[0].sku");
        assertThat(refused.body().toString()).contains("71053");
        assertThat(asStaff("/api/v1/events", swapped).text("/status"))
                .as("the refused order was not stored")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void refusesACustomersOrderOfAProductTheCatalogueDoesNotHave() {
        Map<String, Object> unknown = orderOf(UUID.randomUUID().toString(), "3.39");

        Response refused = asCustomer("/api/v1/events", unknown);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[0].product_id");
    }

    @Test
    void holdsOrdersToTheNewestPriceEvenWhenAnOlderOneArrivesLate() {
        String product = catalogueProduct("4.25", "2010-12-02T08:00:00Z");
        Map<String, Object> older = productUpserted();
        older.put("product_id", product);
        older.put("occurred_at", "2010-12-01T08:00:00Z");
        assertThat(asStaff("/api/v1/events", older).status()).isEqualTo(202);

        assertThat(asCustomer("/api/v1/events", orderOf(product, "3.39")).status())
                .isEqualTo(422);
        assertThat(asCustomer("/api/v1/events", orderOf(product, "4.25")).status())
                .isEqualTo(202);
    }

    @Test
    void refusesACustomersOrderUnderANumberTheShopAlreadyGaveAnotherOrder() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> shopOrder = orderOf(product, "3.39");
        shopOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", shopOrder).status()).isEqualTo(202);
        Map<String, Object> claim = orderOf(product, "3.39");
        claim.put("order_number", shopOrder.get("order_number").toString().toLowerCase());
        Map<String, Object> own = orderOf(product, "3.39");

        Response refused = asCustomer("/api/v1/events", claim);
        Response accepted = asCustomer("/api/v1/events", own);
        Response replayed = asCustomer("/api/v1/events", own);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("order_number");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(replayed.status())
                .as("its own order's number is not another's")
                .isEqualTo(200);
    }

    @Test
    void answersACustomersOrderOffTheCataloguePriceAlikeWhetherOrNotItsNumberIsAnotherCustomersOrder() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> othersOrder = orderOf(product, "3.39");
        othersOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", othersOrder).status()).isEqualTo(202);
        Map<String, Object> probe = orderOf(product, "0.01");
        probe.put("order_number", othersOrder.get("order_number"));
        Map<String, Object> unused = orderOf(product, "0.01");

        Response probed = asCustomer("/api/v1/events", probe);
        Response control = asCustomer("/api/v1/events", unused);

        assertThat(probed.status()).isEqualTo(422);
        assertThat(probed.errorFields()).containsExactly("lines[0].unit_price");
        assertThat(probed.body().path("errors")).isEqualTo(control.body().path("errors"));
    }

    @Test
    void refusesEveryNewOrderNumberOfACustomersBatchAlikeWhenOneIsAnotherCustomersOrder() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> othersOrder = orderOf(product, "3.39");
        othersOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", othersOrder).status()).isEqualTo(202);
        Map<String, Object> free = orderOf(product, "3.39");
        Map<String, Object> taken = orderOf(product, "3.39");
        taken.put("order_number", othersOrder.get("order_number"));

        Response refused = asCustomer("/api/v1/events/batch", Map.of("events", List.of(free, taken)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("events[0].order_number", "events[1].order_number");
        assertThat(refused.text("/errors/0/message"))
                .as("which of the numbers is taken is not told")
                .isEqualTo(refused.text("/errors/1/message"))
                .doesNotContain("another order");
        assertThat(asCustomer("/api/v1/events", free).status())
                .as("nothing of the refused batch was stored")
                .isEqualTo(202);
    }

    @Test
    void refusesACustomersOrderUnderTheNumberOfItsOwnOtherOrderAsItRefusesAnotherCustomers() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> ownOrder = orderOf(product, "3.39");
        assertThat(asCustomer("/api/v1/events", ownOrder).status()).isEqualTo(202);
        Map<String, Object> othersOrder = orderOf(product, "3.39");
        othersOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", othersOrder).status()).isEqualTo(202);
        Map<String, Object> underOwn = orderOf(product, "3.39");
        underOwn.put("order_number", ownOrder.get("order_number"));
        Map<String, Object> underOthers = orderOf(product, "3.39");
        underOthers.put("order_number", othersOrder.get("order_number"));

        Response ownRefused = asCustomer("/api/v1/events", underOwn);
        Response othersRefused = asCustomer("/api/v1/events", underOthers);

        assertThat(ownRefused.status()).isEqualTo(422);
        assertThat(ownRefused.errorFields()).containsExactly("order_number");
        assertThat(ownRefused.body().path("errors"))
                .isEqualTo(othersRefused.body().path("errors"));
    }

    @Test
    void answersACustomersOrderUnderTheEventIdOfItsEarlierOrderAlikeWhetherOrNotItsNumberIsTaken() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> earlier = orderOf(product, "3.39");
        assertThat(asCustomer("/api/v1/events", earlier).status()).isEqualTo(202);
        Map<String, Object> othersOrder = orderOf(product, "3.39");
        othersOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", othersOrder).status()).isEqualTo(202);
        Map<String, Object> probe = orderOf(product, "3.39");
        probe.put("event_id", earlier.get("event_id"));
        probe.put("order_number", othersOrder.get("order_number"));
        Map<String, Object> control = orderOf(product, "3.39");
        control.put("event_id", earlier.get("event_id"));

        Response probed = asCustomer("/api/v1/events", probe);
        Response unused = asCustomer("/api/v1/events", control);

        assertThat(probed.status()).isEqualTo(422);
        assertThat(probed.errorFields()).containsExactly("event_id");
        assertThat(probed.body().path("errors")).isEqualTo(unused.body().path("errors"));
        assertThat(asCustomer("/api/v1/events", earlier).status())
                .as("a resend of the earlier order is still a duplicate")
                .isEqualTo(200);
    }

    @Test
    void answersACustomersBatchGivingAnOrdersEventIdToAnotherEventAlikeWhetherOrNotTheNumberIsTaken() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> othersOrder = orderOf(product, "3.39");
        othersOrder.put("customer_id", UUID.randomUUID().toString());
        assertThat(asStaff("/api/v1/events", othersOrder).status()).isEqualTo(202);
        Map<String, Object> probe = orderOf(product, "3.39");
        probe.put("order_number", othersOrder.get("order_number"));
        Map<String, Object> probeView = productViewed(customer);
        probeView.put("event_id", probe.get("event_id"));
        Map<String, Object> control = orderOf(product, "3.39");
        Map<String, Object> controlView = productViewed(customer);
        controlView.put("event_id", control.get("event_id"));

        Response probed = asCustomer("/api/v1/events/batch", Map.of("events", List.of(probe, probeView)));
        Response unused = asCustomer("/api/v1/events/batch", Map.of("events", List.of(control, controlView)));

        assertThat(probed.status()).isEqualTo(422);
        assertThat(probed.errorFields()).containsExactly("events[1].event_id");
        assertThat(probed.body().path("errors")).isEqualTo(unused.body().path("errors"));
        assertThat(asCustomer("/api/v1/events", control).status())
                .as("nothing of the refused batch was stored")
                .isEqualTo(202);
    }

    @Test
    void refusesACustomersOrderPlacedAgainUnderANewEventButAnswersARetryOfTheSameEventAsADuplicate() {
        Map<String, Object> order = orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "3.39");
        Map<String, Object> placedAgain = new LinkedHashMap<>(order);
        placedAgain.put("event_id", UUID.randomUUID().toString());

        Response placed = asCustomer("/api/v1/events", order);
        Response retried = asCustomer("/api/v1/events", order);
        Response again = asCustomer("/api/v1/events", placedAgain);

        assertThat(placed.status()).isEqualTo(202);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorFields()).containsExactly("order_id");
    }

    @Test
    void answersARetryOfAPlacedOrderAsADuplicateAfterTheCatalogueChangedItsPriceAndSku() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> order = orderOf(product, "3.39");
        Response placed = asCustomer("/api/v1/events", order);
        // the storefront never had the answer to the order, and the shop reprices the product before it retries
        Map<String, Object> repriced = productUpserted();
        repriced.put("product_id", product);
        repriced.put("sku", "71053-B");
        repriced.put("price", Map.of("amount", "3.99", "currency", "GBP"));
        repriced.put("occurred_at", "2010-12-02T08:00:00Z");
        assertThat(asStaff("/api/v1/events", repriced).status()).isEqualTo(202);

        Response retried = asCustomer("/api/v1/events", order);
        Response retriedInABatch = asCustomer("/api/v1/events/batch", Map.of("events", List.of(order)));

        assertThat(placed.status()).isEqualTo(202);
        assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(200);
        assertThat(retried.text("/status")).isEqualTo("DUPLICATE");
        assertThat(retriedInABatch.status())
                .as(String.valueOf(retriedInABatch.body()))
                .isEqualTo(200);
        assertThat(retriedInABatch.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(asCustomer("/api/v1/events", orderOf(product, "3.39")).errorFields())
                .as("a new order is held to the catalogue as it is now")
                .containsExactly("lines[0].sku");
    }

    @Test
    void refusesACustomersBatchPlacingOneOrderTwiceUnderTwoEventsAndStoresNothing() {
        Map<String, Object> order = orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "3.39");
        Map<String, Object> placedAgain = new LinkedHashMap<>(order);
        placedAgain.put("event_id", UUID.randomUUID().toString());

        Response refused = asCustomer("/api/v1/events/batch", Map.of("events", List.of(order, placedAgain)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("events[1].order_id");
        assertThat(asCustomer("/api/v1/events", order).status())
                .as("nothing of the refused batch was stored")
                .isEqualTo(202);
    }

    @Test
    void refusesACustomersBatchGivingTwoOrdersOneNumber() {
        String product = catalogueProduct("3.39", "2010-12-01T08:26:00Z");
        Map<String, Object> first = orderOf(product, "3.39");
        Map<String, Object> second = orderOf(product, "3.39");
        second.put("order_number", first.get("order_number").toString().toLowerCase());

        Response refused = asCustomer("/api/v1/events/batch", Map.of("events", List.of(first, second)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("events[1].order_number");
    }

    @Test
    void acceptsACustomersBatchRepeatingTheSameOrderEventAsADuplicate() {
        Map<String, Object> order = orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "3.39");

        Response batch = asCustomer("/api/v1/events/batch", Map.of("events", List.of(order, order)));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(batch.body().path("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void refusesACustomersOrderThatAnotherRequestIsPlacingUnderAnotherEventAtTheSameTime() throws Exception {
        Map<String, Object> order = orderOf(catalogueProduct("3.39", "2010-12-01T08:26:00Z"), "3.39");
        UUID orderId = UUID.fromString(order.get("order_id").toString());
        try (Connection other = LockWaits.secondConnection(environment);
                var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            // another instance's request placing the same order under another event, past its checks, not committed
            try (PreparedStatement lock =
                            other.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
                    PreparedStatement insert = other.prepareStatement("""
                            INSERT INTO commerce_events (event_id, event_type, payload, occurred_at)
                            VALUES (?, 'order.placed', jsonb_build_object('order_id', ?::text, 'order_number', ?::text),
                                    now())
                            """)) {
                lock.setString(1, CommerceEventService.lockOfOrder(orderId));
                lock.executeQuery().close();
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, orderId.toString());
                insert.setString(3, "OTHER-" + orderId);
                insert.executeUpdate();
            }
            Future<Response> placing = caller.submit(() -> asCustomer("/api/v1/events", order));
            LockWaits.awaitStatementWaitingForLock(jdbc, "pg_advisory_xact_lock", placing);
            other.commit();

            Response refused = placing.get(30, TimeUnit.SECONDS);
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(422);
            assertThat(refused.errorFields()).containsExactly("order_id");
        }
    }

    @Test
    void refusesAnOrderForAnotherCustomerAndStoresNothing() {
        Map<String, Object> othersOrder = ownedBy(CommerceEventsIT.orderPlaced(UUID.randomUUID()), UUID.randomUUID());

        Response refused = asCustomer("/api/v1/events", othersOrder);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("/detail")).contains("customer_id");
        assertThat(asStaff("/api/v1/events", othersOrder).text("/status"))
                .as("the refused event was not stored")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void refusesEventsWithoutACustomerFromACustomer() {
        Map<String, Object> anonymousView = productViewed(customer);
        anonymousView.remove("customer_id");

        assertThat(asCustomer("/api/v1/events", anonymousView).status()).isEqualTo(403);
    }

    @Test
    void refusesCatalogueCustomerAndCancellationEventsFromACustomer() {
        Map<String, Object> cancellation = ownedBy(CommerceEventsIT.orderPlaced(UUID.randomUUID()), customer);
        cancellation.put("type", "order.cancelled");
        cancellation.remove("order_number");
        cancellation.put("cancellation_number", "C536379");
        Map<String, Object> ownRecord = ownedBy(CommerceEventsIT.customerUpserted(), customer);

        Response product = asCustomer("/api/v1/events", productUpserted());
        Response customerRecord = asCustomer("/api/v1/events", ownRecord);
        Response refund = asCustomer("/api/v1/events", cancellation);

        assertThat(product.status()).isEqualTo(403);
        assertThat(product.text("/detail")).contains("type").contains("product.upserted");
        assertThat(customerRecord.status()).isEqualTo(403);
        assertThat(refund.status()).isEqualTo(403);
        assertThat(asStaff("/api/v1/events", ownRecord).status()).isEqualTo(202);
    }

    @Test
    void refusesAWholeBatchWhenOneEventIsAnotherCustomers() {
        Map<String, Object> own = productViewed(customer);
        Map<String, Object> others = productViewed(UUID.randomUUID());

        Response refused = asCustomer("/api/v1/events/batch", Map.of("events", List.of(own, others)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("/detail")).contains("events[1].customer_id");
        assertThat(asCustomer("/api/v1/events", own).text("/status"))
                .as("nothing of the refused batch was stored")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void letsStaffAndServicesSendEventsAboutAnyCustomer() {
        Map<String, Object> order = ownedBy(CommerceEventsIT.orderPlaced(UUID.randomUUID()), UUID.randomUUID());

        Response response = api.withToken(TestTokens.client("test-agent")).post("/api/v1/events", order);

        assertThat(response.status()).isEqualTo(202);
    }

    private Response asCustomer(String path, Object body) {
        return api.withToken(TestTokens.customer(customer)).post(path, body);
    }

    private Response asStaff(String path, Object body) {
        return api.withToken(TestTokens.staff("test-admin", "ADMIN")).post(path, body);
    }

    /** A product announced by the shop at this price; its id. */
    private String catalogueProduct(String price, String at) {
        Map<String, Object> product = productUpserted();
        product.put("price", Map.of("amount", price, "currency", "GBP"));
        product.put("occurred_at", at);
        assertThat(asStaff("/api/v1/events", product).status()).isEqualTo(202);
        return (String) product.get("product_id");
    }

    /** The customer's own order of two units of the product at this unit price. */
    private Map<String, Object> orderOf(String productId, String unitPrice) {
        Map<String, Object> order = ownedBy(CommerceEventsIT.orderPlaced(UUID.randomUUID()), customer);
        order.put("order_number", "T" + UUID.randomUUID().toString().substring(0, 8));
        order.put(
                "lines",
                List.of(Map.of("product_id", productId, "sku", "71053", "quantity", 2, "unit_price", unitPrice)));
        return order;
    }

    private static Map<String, Object> ownedBy(Map<String, Object> event, UUID customerId) {
        event.put("customer_id", customerId.toString());
        return event;
    }

    private static Map<String, Object> addedToCart(UUID customerId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "cart.item_added");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("customer_id", customerId.toString());
        event.put("session_id", "session-" + UUID.randomUUID());
        event.put("product_id", UUID.randomUUID().toString());
        event.put("quantity", 2);
        event.put("unit_price", Map.of("amount", "2.55", "currency", "GBP"));
        return event;
    }
}

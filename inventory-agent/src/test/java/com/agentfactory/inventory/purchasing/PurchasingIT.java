package com.agentfactory.inventory.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.RoleApi;
import com.agentfactory.inventory.support.TaskRuntimeTransaction;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

class PurchasingIT extends InventoryIntegrationTest {

    private static final String ORDERS = "/api/v1/inventory/purchase-orders";

    @LocalServerPort
    int serverPort;

    @Autowired
    InMemoryBudgetConfiguration.InMemoryBudget budget;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    ApprovePurchaseOrderTaskHandler approveTask;

    @Autowired
    SuggestReordersTaskHandler suggestTask;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ProcessedMessages processedMessages;

    RoleApi manager;

    @BeforeEach
    void signIn() {
        manager = new RoleApi(serverPort, "maria", "MARKETING_MANAGER");
    }

    @Test
    void suggestsApprovesOrdersAndReceivesAPurchaseOrder() {
        String sku = stocked(5);
        soldDaily(sku, 60, 2, 6); // mean 4 a day
        String supplierId = supplier(sku, "2.00", 7, 50, 12);

        Api.Response suggestions =
                manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)));

        assertThat(suggestions.status()).isEqualTo(200);
        var suggestion = suggestions.body().path("suggestions").get(0);
        assertThat(suggestion.path("supplier_id").asString()).isEqualTo(supplierId);
        assertThat(suggestion.path("status").asString()).isEqualTo("suggested");
        int quantity = suggestion.path("quantity").asInt();
        assertThat(quantity % 12).isZero();
        assertThat(quantity).isGreaterThanOrEqualTo(50);
        assertThat(suggestion.path("urgency").asDouble()).isNegative();
        assertThat(manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)))
                        .body()
                        .path("suggestions")
                        .size())
                .as("one open suggestion per SKU")
                .isZero();
        String id = suggestion.path("id").asString();
        String path = "/api/v1/inventory/purchase-orders/" + id;

        assertThat(roleless()
                        .post(path + "/approve", Map.of("reason", "no role"))
                        .status())
                .isEqualTo(403);
        Api.Response approved = manager.post(path + "/approve", Map.of("reason", "summer demand"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("/status")).isEqualTo("approved");
        UUID reservation = UUID.fromString(approved.text("/budget_reservation_id"));
        assertThat(budget.stateOf(reservation)).isEqualTo("RESERVED");
        assertThat(manager.post(path + "/approve", Map.of("reason", "again")).status())
                .isEqualTo(409);

        assertThat(manager.post(path + "/order", Map.of("reason", "sent to supplier"))
                        .status())
                .isEqualTo(200);
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isEqualTo(quantity);

        Api.Response wrongSku = manager.post(
                path + "/receipts", Map.of("lines", List.of(Map.of("sku", "OTHER", "quantity", quantity))));
        assertThat(wrongSku.status()).isEqualTo(400);
        Api.Response received =
                manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", quantity))));

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("received");
        assertThat(received.body()
                        .path("history")
                        .valueStream()
                        .map(change -> change.path("to_status").asString() + ":"
                                + change.path("actor").asString())
                        .toList())
                .containsExactly(
                        "suggested:agent:inventory-agent", "approved:maria", "ordered:maria", "received:maria");
        assertThat(stockOf(sku).body().path("on_hand").asInt()).isEqualTo(5 + quantity);
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isZero();
        assertThat(budget.stateOf(reservation)).isEqualTo("COMMITTED");
        assertThat(api.get("/api/v1/inventory/purchase-orders?status=received&sku=" + sku)
                        .body()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void ordersSeveralSkusOfOneSupplierOnOneOrderAndReceivesThemLineByLine() {
        String first = stocked(0);
        String second = stocked(0);
        soldDaily(first, 30, 10, 10);
        soldDaily(second, 30, 4, 4);
        supplierOf(List.of(first, second), "2.00", 7, 1, 1);

        Api.Response suggestions =
                manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(first, second)));

        var suggestion = suggestions.body().path("suggestions");
        assertThat(suggestion.size()).as("one order for the supplier").isEqualTo(1);
        var order = suggestion.get(0);
        assertThat(order.path("sku").isNull()).isTrue();
        assertThat(order.path("lines")
                        .valueStream()
                        .map(line -> line.path("sku").asString())
                        .toList())
                .containsExactly(first, second);
        int firstUnits = order.path("lines").get(0).path("quantity").asInt();
        int secondUnits = order.path("lines").get(1).path("quantity").asInt();
        assertThat(order.path("quantity").asInt()).isEqualTo(firstUnits + secondUnits);
        assertThat(order.path("total_cost").decimalValue())
                .isEqualByComparingTo(new java.math.BigDecimal(2 * (firstUnits + secondUnits)));
        String path = "/api/v1/inventory/purchase-orders/" + order.path("id").asString();

        UUID reservation = UUID.fromString(
                manager.post(path + "/approve", Map.of("reason", "both short")).text("/budget_reservation_id"));
        assertThat(budget.amountOf(reservation))
                .isEqualByComparingTo(order.path("total_cost").decimalValue());
        manager.post(path + "/order", Map.of("reason", "sent"));
        assertThat(stockOf(first).body().path("in_transit").asInt()).isEqualTo(firstUnits);
        assertThat(stockOf(second).body().path("in_transit").asInt()).isEqualTo(secondUnits);

        Api.Response tooMany = manager.post(
                path + "/receipts", Map.of("lines", List.of(Map.of("sku", second, "quantity", secondUnits + 1))));
        assertThat(tooMany.status()).isEqualTo(422);
        Api.Response partly = manager.post(
                path + "/receipts", Map.of("lines", List.of(Map.of("sku", first, "quantity", firstUnits))));
        assertThat(partly.text("/status")).isEqualTo("ordered");
        assertThat(budget.stateOf(reservation)).isEqualTo("RESERVED");
        Api.Response complete = manager.post(
                path + "/receipts", Map.of("lines", List.of(Map.of("sku", second, "quantity", secondUnits))));

        assertThat(complete.text("/status")).isEqualTo("received");
        assertThat(stockOf(first).body().path("on_hand").asInt()).isEqualTo(firstUnits);
        assertThat(stockOf(second).body().path("on_hand").asInt()).isEqualTo(secondUnits);
        assertThat(stockOf(second).body().path("in_transit").asInt()).isZero();
        assertThat(budget.stateOf(reservation)).isEqualTo("COMMITTED");
        assertThat(api.get("/api/v1/inventory/purchase-orders?sku=" + second)
                        .body()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(order.path("id").asString());
    }

    @Test
    void aPartialReceiptRetriedUnderItsIdempotencyKeyReceivesTheUnitsOnce() {
        String sku = stocked(0);
        String path = approvedAndOrdered(sku, 10);
        Map<String, String> key = Map.of("Idempotency-Key", "delivery-" + UUID.randomUUID());
        Map<String, Object> fourUnits = Map.of("lines", List.of(Map.of("sku", sku, "quantity", 4)));

        Api.Response first = manager.post(path + "/receipts", fourUnits, key);
        Api.Response retried = manager.post(path + "/receipts", fourUnits, key);
        Api.Response otherLines =
                manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5))), key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.text("/status")).isEqualTo("ordered");
        assertThat(otherLines.status()).isEqualTo(422);
        assertThat(otherLines.errorFields()).containsExactly("Idempotency-Key");
        assertThat(stockOf(sku).body().path("on_hand").asInt())
                .as("received once")
                .isEqualTo(4);
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isEqualTo(6);
        Api.Response anotherDelivery =
                manager.post(path + "/receipts", fourUnits, Map.of("Idempotency-Key", "delivery-" + UUID.randomUUID()));
        assertThat(anotherDelivery.status()).isEqualTo(200);
        assertThat(stockOf(sku).body().path("on_hand").asInt())
                .as("another key: another delivery")
                .isEqualTo(8);
    }

    @Test
    void draftsAnOrderOfSeveralSkusAndRefusesLinesTheSupplierCannotFill() {
        String first = stocked(3);
        String second = stocked(3);
        String supplierId = supplierOf(List.of(first, second), "1.50", 5, 1, 1);
        String elsewhere = stocked(3);
        String url = "/api/v1/inventory/purchase-orders";

        Api.Response unsupplied = manager.post(
                url,
                Map.of(
                        "supplier_id",
                        supplierId,
                        "reason",
                        "summer range",
                        "lines",
                        List.of(Map.of("sku", first, "quantity", 10), Map.of("sku", elsewhere, "quantity", 5))));
        Api.Response twice = manager.post(
                url,
                Map.of(
                        "supplier_id",
                        supplierId,
                        "reason",
                        "summer range",
                        "lines",
                        List.of(Map.of("sku", first, "quantity", 10), Map.of("sku", first, "quantity", 5))));
        Api.Response noSupplier = manager.post(
                url,
                Map.of(
                        "supplier_id", UUID.randomUUID().toString(),
                        "reason", "summer range",
                        "lines", List.of(Map.of("sku", first, "quantity", 10))));
        Map<String, Object> good = Map.of(
                "supplier_id",
                supplierId,
                "reason",
                "summer range",
                "lines",
                List.of(Map.of("sku", first, "quantity", 10), Map.of("sku", second, "quantity", 20)));

        assertThat(unsupplied.status()).isEqualTo(400);
        assertThat(unsupplied.errorFields()).containsExactly("lines[1].sku");
        assertThat(twice.errorFields()).containsExactly("lines[1].sku");
        assertThat(noSupplier.errorFields()).containsExactly("supplier_id");
        Map<String, Object> elsewhereWarehouse = new java.util.HashMap<>(good);
        elsewhereWarehouse.put("location", "nowhere");
        Api.Response unknownWarehouse = manager.post(url, elsewhereWarehouse);
        assertThat(unknownWarehouse.status()).isEqualTo(422);
        assertThat(unknownWarehouse.errorFields()).containsExactly("location");
        assertThat(roleless().post(url, good).status()).isEqualTo(403);
        Api.Response drafted = manager.post(url, good);

        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.text("/status")).isEqualTo("suggested");
        assertThat(drafted.text("/location")).as("the default warehouse").isEqualTo("main");
        assertThat(drafted.body().path("quantity").asInt()).isEqualTo(30);
        assertThat(drafted.body().path("total_cost").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(drafted.body().path("history").get(0).path("actor").asString())
                .isEqualTo("maria");
        assertThat(api.get("/api/v1/inventory/purchase-orders/" + drafted.text("/id"))
                        .body()
                        .path("lines")
                        .size())
                .isEqualTo(2);
        Api.Response again = manager.post(
                url,
                Map.of(
                        "supplier_id",
                        supplierId,
                        "reason",
                        "again",
                        "lines",
                        List.of(Map.of("sku", second, "quantity", 1))));
        assertThat(again.status()).as("a SKU on an open order").isEqualTo(409);
    }

    @Test
    void theLowStockAlertUsesTheComputedReorderPoint() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4, 4); // 4 a day, no spread: reorder point 4 x 7 = 28
        supplier(sku, "1.00", 7, 1, 1);
        manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)));

        publish(CommerceEventMother.order(sku, 40)); // 20 available: below 28, above the default 10

        assertThat(theLowStockAlertOf(sku).path("reorder_point").asInt()).isEqualTo(28);
    }

    @Test
    void plansEachWarehouseFromItsOwnDemandAndStock() {
        String sku = stocked(60); // at main, the default warehouse
        jdbc.update(
                "INSERT INTO stock_levels (id, sku, location, on_hand, created_at, updated_at)"
                        + " VALUES (gen_random_uuid(), ?, 'north', 5, now(), now())",
                sku);
        soldDaily(sku, "main", 60, 4, 4); // reorder point 4 x 7 = 28: 60 on hand is enough
        soldDaily(sku, "north", 60, 1, 1); // reorder point 1 x 7 = 7: 5 on hand is not
        supplier(sku, "1.00", 7, 1, 1);

        var suggestions = manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)))
                .body()
                .path("suggestions");

        assertThat(suggestions).singleElement().satisfies(order -> {
            assertThat(order.path("location").asString()).isEqualTo("north");
            assertThat(order.path("lines"))
                    .singleElement()
                    .satisfies(line -> assertThat(line.path("quantity").asInt()).isGreaterThanOrEqualTo(2));
        });
        publish(CommerceEventMother.order(sku, 35)); // main: 25 left, below its own 28 (over both: 5 a day, 35)
        var alert = theLowStockAlertOf(sku);
        assertThat(alert.path("location").asString()).isEqualTo("main");
        assertThat(alert.path("reorder_point").asInt()).isEqualTo(28);
    }

    @Test
    void aSurgeOfCartAdditionsRaisesTheReorderPointBeforeTheSalesShowIt() {
        String sku = stocked(60);
        soldDaily(sku, 60, 4, 4); // 28 without signals, as above
        supplier(sku, "1.00", 7, 1, 1);
        cartHistory(sku, 1, 12); // lift about 2.75 today, fading by 0.7 a day
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/inventory/signals/" + sku)
                                .body()
                                .path("lift")
                                .asDouble())
                        .isGreaterThan(2.6));
        manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)));

        publish(CommerceEventMother.order(sku, 25)); // 35 available: above 28, below the lifted point

        // 4 a day times the lead time's factors, 7 + 1.75 x (1 - 0.7^7) / 0.3 = 12.4 days' worth: about 50
        assertThat(theLowStockAlertOf(sku).path("reorder_point").asInt()).isBetween(48, 51);
    }

    @Test
    void ordersFromASupplierInTheBudgetsCurrencyOverAFasterOneInAnother() {
        String sku = stocked(0);
        soldDaily(sku, 30, 10, 10);
        String pounds = supplier(sku, "2.00", 9, 1, 1);
        Api.Response dollars = manager.post(
                "/api/v1/inventory/suppliers",
                Map.of(
                        "name", "Dollar supplier of " + sku,
                        "lead_time_days", 3,
                        "minimum_order", 1,
                        "pack_size", 1,
                        "unit_cost", 1,
                        "currency", "USD",
                        "skus", List.of(sku)));
        assertThat(dollars.status()).isEqualTo(201);

        var suggestions = manager.post(ORDERS + "/suggestions", Map.of("skus", List.of(sku)))
                .body()
                .path("suggestions");

        assertThat(suggestions).singleElement().satisfies(order -> {
            assertThat(order.path("supplier_id").asString()).isEqualTo(pounds);
            assertThat(order.path("currency").asString()).isEqualTo("GBP");
        });
    }

    @Test
    void keepsASuggestionTheBudgetDoesNotCover() {
        String sku = stocked(0);
        soldDaily(sku, 30, 10, 10);
        supplier(sku, "5000.00", 14, 100, 1);
        var suggestion = manager.post("/api/v1/inventory/purchase-orders/suggestions", Map.of("skus", List.of(sku)))
                .body()
                .path("suggestions")
                .get(0);
        String path =
                "/api/v1/inventory/purchase-orders/" + suggestion.path("id").asString();

        Api.Response refused = manager.post(path + "/approve", Map.of("reason", "please"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/detail")).contains("budget does not cover");
        assertThat(api.get(path).text("/status")).isEqualTo("suggested");
        Api.Response rejected = manager.post(path + "/reject", Map.of("reason", "too dear"));
        assertThat(rejected.text("/status")).isEqualTo("rejected");
    }

    @Test
    void refusesAnApprovalThatALineOvertookWhileFinanceReservedAndReleasesItsReservation() {
        String first = stocked(3);
        String second = stocked(3);
        String supplierId = supplierOf(List.of(first, second), "1.50", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, first, 10)).text("/id");
        budget.afterReserving(id, () -> assertThat(
                        manager.post(ORDERS, draft(supplierId, second, 20)).status())
                .isEqualTo(201));

        Api.Response raced = manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "needed"));

        assertThat(raced.status()).isEqualTo(409);
        assertThat(raced.text("/detail")).contains("changed while its budget was reserved");
        Api.Response order = api.get(ORDERS + "/" + id);
        assertThat(order.text("/status")).isEqualTo("suggested");
        assertThat(order.body().path("total_cost").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(budget.reservationsFor(id)).singleElement().satisfies(held -> assertThat(budget.stateOf(held))
                .isEqualTo("RELEASED"));
        Api.Response approved = manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "again"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(budget.amountOf(UUID.fromString(approved.text("/budget_reservation_id"))))
                .as("the reservation covers every line")
                .isEqualByComparingTo("45.00");
    }

    @Test
    void retriesAnApprovalWhoseAnswerWasLostAfterALineJoinedAndReleasesTheFirstReservation() {
        String first = stocked(3);
        String second = stocked(3);
        String supplierId = supplierOf(List.of(first, second), "1.50", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, first, 10)).text("/id");
        budget.afterReserving(id, () -> {
            throw new FinanceUnavailableException("the answer was lost", null);
        });
        assertThat(manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "needed"))
                        .status())
                .isEqualTo(503);
        assertThat(manager.post(ORDERS, draft(supplierId, second, 20)).status()).isEqualTo(201);

        Api.Response approved = manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "again"));

        assertThat(approved.status()).isEqualTo(200);
        UUID reservation = UUID.fromString(approved.text("/budget_reservation_id"));
        assertThat(budget.amountOf(reservation)).isEqualByComparingTo("45.00");
        assertThat(budget.reservationsFor(id))
                .hasSize(2)
                .filteredOn(held -> !held.equals(reservation))
                .singleElement()
                .satisfies(lost -> assertThat(budget.stateOf(lost)).isEqualTo("RELEASED"));
    }

    @Test
    void anApprovalTaskWhoseAnswerWasLostKeepsItsKeySoTheRetryAfterALineJoinedReleasesTheFirstReservation() {
        var runtime = new TaskRuntimeTransaction(transactionManager, processedMessages);
        String first = stocked(3);
        String second = stocked(3);
        String supplierId = supplierOf(List.of(first, second), "1.50", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, first, 10)).text("/id");
        var task = new ApprovePurchaseOrderRequest(UUID.fromString(id), "within the agent's limit");
        budget.afterReserving(id, () -> {
            throw new FinanceUnavailableException("the answer was lost", null);
        });
        assertThatThrownBy(() -> runtime.run(
                        ApprovePurchaseOrderTaskHandler.TASK_TYPE, context -> approveTask.handle(task, context)))
                .isInstanceOf(FinanceUnavailableException.class);
        assertThat(manager.post(ORDERS, draft(supplierId, second, 20)).status()).isEqualTo(201);

        PurchaseOrderResponse approved =
                runtime.run(ApprovePurchaseOrderTaskHandler.TASK_TYPE, context -> approveTask.handle(task, context));

        assertThat(approved.status()).isEqualTo("approved");
        assertThat(budget.amountOf(approved.budgetReservationId())).isEqualByComparingTo("45.00");
        assertThat(budget.reservationsFor(id))
                .as("finance holds only the reservation of the approved order")
                .hasSize(2)
                .filteredOn(held -> "RESERVED".equals(budget.stateOf(held)))
                .containsExactly(approved.budgetReservationId());
    }

    @Test
    void rejectingASuggestionWhoseApprovalAnswerWasLostGivesBackTheReservationFinanceHolds() {
        String sku = stocked(3);
        String supplierId = supplier(sku, "1.50", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, sku, 10)).text("/id");
        budget.afterReserving(id, () -> {
            throw new FinanceUnavailableException("the answer was lost", null);
        });
        assertThat(manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "needed"))
                        .status())
                .isEqualTo(503);
        UUID held = budget.reservationsFor(id).getFirst();
        budget.afterReserving(id, () -> {
            throw new FinanceUnavailableException("finance restarting", null);
        });

        Api.Response rejected = manager.post(ORDERS + "/" + id + "/reject", Map.of("reason", "not needed"));

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("/status")).isEqualTo("rejected");
        assertThat(budget.stateOf(held)).as("left for the batch").isEqualTo("RESERVED");
        purchaseOrders.settleBudgets();
        assertThat(budget.reservationsFor(id)).containsExactly(held);
        assertThat(budget.stateOf(held)).isEqualTo("RELEASED");
    }

    @Test
    void refusesToCancelAPartlyReceivedOrderAndKeepsItsReservationForTheExpense() {
        String sku = stocked(0);
        String supplierId = supplier(sku, "10.00", 5, 1, 1);
        String path =
                ORDERS + "/" + manager.post(ORDERS, draft(supplierId, sku, 100)).text("/id");
        UUID reservation = UUID.fromString(
                manager.post(path + "/approve", Map.of("reason", "ok")).text("/budget_reservation_id"));
        manager.post(path + "/order", Map.of("reason", "sent"));
        manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 60))));

        Api.Response cancelled = manager.post(path + "/cancel", Map.of("reason", "supplier stopped"));

        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.text("/detail")).contains("60 of its 100 units have been delivered");
        assertThat(api.get(path).text("/status")).isEqualTo("ordered");
        assertThat(budget.stateOf(reservation)).isEqualTo("RESERVED");
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isEqualTo(40);
    }

    @Test
    void closesAPartlyReceivedOrderShortReleasingItsReservationAndBookingOnlyWhatWasDelivered() {
        String sku = stocked(0);
        String supplierId = supplier(sku, "10.00", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, sku, 100)).text("/id");
        String path = ORDERS + "/" + id;
        UUID reservation = UUID.fromString(
                manager.post(path + "/approve", Map.of("reason", "ok")).text("/budget_reservation_id"));
        manager.post(path + "/order", Map.of("reason", "sent"));
        assertThat(manager.post(path + "/close", Map.of("reason", "nothing came yet"))
                        .status())
                .as("nothing delivered: cancel it instead")
                .isEqualTo(409);
        manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 60))));
        assertThat(roleless().post(path + "/close", Map.of("reason", "no role")).status())
                .isEqualTo(403);
        budget.beforeRecordingExpense(id, () -> {
            throw new FinanceUnavailableException("finance restarting", null);
        });

        Api.Response closed = manager.post(path + "/close", Map.of("reason", "supplier stopped"));

        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("closed");
        assertThat(closed.body().path("history").get(3).path("reason").asString())
                .isEqualTo("supplier stopped (closed short: 60 of 100 units delivered)");
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isZero();
        assertThat(stockOf(sku).body().path("on_hand").asInt()).isEqualTo(60);
        assertThat(budget.stateOf(reservation)).isEqualTo("RELEASED");
        assertThat(budget.expensesFor(id)).as("left for the batch").isEmpty();
        purchaseOrders.settleBudgets();
        purchaseOrders.settleBudgets();
        assertThat(budget.expensesFor(id))
                .singleElement()
                .isEqualTo("600.00 GBP for purchase order " + id + " closed short: 60 of 100 units delivered");
        assertThat(budget.stateOf(reservation)).isEqualTo("RELEASED");
        assertThat(manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 40))))
                        .status())
                .as("nothing more is awaited")
                .isEqualTo(409);
    }

    @Test
    void aDraftRacingTheBatchsSuggestionFromAnotherSupplierLeavesTheSkuOnOneOpenOrder() throws Exception {
        String sku = stocked(0);
        soldDaily(sku, 30, 10, 10);
        String drafted = supplier(sku, "1.00", 9, 1, 1);
        supplier(sku, "1.00", 5, 1, 1); // the planner's: the shortest lead time

        var outcome = racing(() -> manager.post(ORDERS, draft(drafted, sku, 10)), () -> purchaseOrders.suggestFor(sku));

        assertThat(outcome.drafted().status() == 201)
                .as("the draft or the suggestion, not both")
                .isNotEqualTo(outcome.suggested() == 1);
        assertThat(openOrdersOf(sku)).isEqualTo(1);
    }

    @Test
    void aDraftRacingTheBatchsSuggestionForTheSameSupplierJoinsItsOneSuggestionInsteadOfFailingTheRun()
            throws Exception {
        String planned = stocked(0);
        String drafted = stocked(0);
        soldDaily(planned, 30, 10, 10);
        String supplierId = supplierOf(List.of(planned, drafted), "1.00", 5, 1, 1);

        var outcome = racing(
                () -> manager.post(ORDERS, draft(supplierId, drafted, 10)), () -> purchaseOrders.suggestFor(planned));

        assertThat(outcome.drafted().status()).isEqualTo(201);
        assertThat(outcome.suggested()).isEqualTo(1);
        assertThat(api.get(ORDERS + "/" + outcome.drafted().text("/id"))
                        .body()
                        .path("lines")
                        .valueStream()
                        .map(line -> line.path("sku").asString())
                        .toList())
                .containsExactlyInAnyOrder(planned, drafted);
    }

    @Test
    void aSuggestionTaskWhoseNewOrderADraftForTheSameSupplierBeatJoinsTheDraftAsOnRest() throws Exception {
        var runtime = new TaskRuntimeTransaction(transactionManager, processedMessages);
        String planned = stocked(0);
        String drafted = stocked(0);
        soldDaily(planned, 30, 10, 10);
        String supplierId = supplierOf(List.of(planned, drafted), "1.00", 5, 1, 1);

        SuggestReordersResponse suggested;
        Api.Response draft;
        try (var blocker = dataSource.getConnection();
                var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.createStatement()) {
                // the draft writes its order and then waits to write its lines: its order is not committed yet
                lock.execute("LOCK TABLE purchase_order_lines IN SHARE MODE");
            }
            var drafting = executor.submit(() -> manager.post(ORDERS, draft(supplierId, drafted, 10)));
            LockWaits.awaitSessionsWaitingForLocks(jdbc, 1);
            // the task finds no suggestion of the supplier yet, and its own new one waits for the draft's to commit
            var suggesting = executor.submit(() -> runtime.run(
                    SuggestReordersTaskHandler.TASK_TYPE,
                    context -> suggestTask.handle(new SuggestReordersRequest(List.of(planned)), context)));
            LockWaits.awaitSessionsWaitingForLocks(jdbc, 2);
            blocker.rollback();
            draft = drafting.get();
            suggested = suggesting.get();
        }

        assertThat(draft.status()).isEqualTo(201);
        assertThat(suggested.suggestions()).singleElement().satisfies(order -> {
            assertThat(order.id()).hasToString(draft.text("/id"));
            assertThat(order.lines())
                    .extracting(PurchaseOrderResponse.Line::sku)
                    .containsExactlyInAnyOrder(drafted, planned);
        });
    }

    @Test
    void aReceiptTheSettlementSweepSettlesAtTheSameTimeAnswersTheReceivedOrderAndTheSweepGoesOn() throws Exception {
        String sku = stocked(0);
        String path = approvedAndOrdered(sku, 5);
        String id = path.substring(path.lastIndexOf('/') + 1);
        UUID reservation = UUID.fromString(api.get(path).text("/budget_reservation_id"));

        Api.Response received;
        try (var blocker = dataSource.getConnection();
                var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            blocker.setAutoCommit(false);
            var sweep = new java.util.concurrent.CompletableFuture<java.util.concurrent.Future<Integer>>();
            budget.beforeCommitting(reservation, () -> {
                // the receipt has committed and finance is being told: from here both the request and the sweep
                // record the settlement, and the order's row lock holds both until each has read the order
                lockRow(blocker, id);
                sweep.complete(executor.submit(purchaseOrders::settleBudgets));
            });
            var receiving = executor.submit(() ->
                    manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5)))));
            LockWaits.awaitSessionsWaitingForLocks(jdbc, 2);
            blocker.rollback();
            received = receiving.get();
            assertThat(sweep.get().get()).as("the sweep went on").isNotNegative();
        }

        assertThat(received.status()).isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("received");
        assertThat(budget.stateOf(reservation)).isEqualTo("COMMITTED");
        assertThat(jdbc.queryForObject(
                        "SELECT budget_settled FROM purchase_orders WHERE id = ?::uuid", Boolean.class, id))
                .isTrue();
    }

    private static void lockRow(java.sql.Connection connection, String orderId) {
        try (var lock = connection.prepareStatement("SELECT id FROM purchase_orders WHERE id = ?::uuid FOR UPDATE")) {
            lock.setString(1, orderId);
            lock.executeQuery().close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Raced(Api.Response drafted, int suggested) {}

    /**
     * The draft and the suggestion each get as far as writing and wait there, until both have: then they write at
     * once. A table lock of the test's own holds their writes back, as a slow commit would.
     */
    private Raced racing(
            java.util.concurrent.Callable<Api.Response> draft, java.util.concurrent.Callable<Integer> suggest)
            throws Exception {
        try (var blocker = dataSource.getConnection();
                var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            blocker.setAutoCommit(false);
            try (var lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE purchase_orders IN SHARE MODE");
            }
            var drafted = executor.submit(draft);
            var suggested = executor.submit(suggest);
            LockWaits.awaitSessionsWaitingForLocks(jdbc, 2);
            blocker.rollback();
            return new Raced(drafted.get(), suggested.get());
        }
    }

    private int openOrdersOf(String sku) {
        return jdbc.queryForObject(
                "SELECT count(DISTINCT o.id) FROM purchase_orders o JOIN purchase_order_lines l"
                        + " ON l.purchase_order_id = o.id WHERE l.sku = ? AND o.status IN ('SUGGESTED', 'APPROVED')",
                Integer.class,
                sku);
    }

    @Test
    void refusesToAskFinanceForMoreThanItReservesAtOnce() {
        String sku = stocked(0);
        String supplierId = supplier(sku, "20000.00", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, sku, 100)).text("/id");

        Api.Response refused = manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "big one"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("total_cost");
        assertThat(refused.text("/detail")).contains("2000000.00 GBP").contains("split it");
        assertThat(budget.reservationsFor(id)).as("finance not asked").isEmpty();
    }

    @Test
    void leavesASuggestionAPersonApprovedMeanwhileToThemAndKeepsTheirReservation() {
        String sku = stocked(0);
        String supplierId = supplier(sku, "1.00", 5, 1, 1);
        String id = manager.post(ORDERS, draft(supplierId, sku, 10)).text("/id");
        budget.afterReserving(
                id, () -> assertThat(manager.post(ORDERS + "/" + id + "/approve", Map.of("reason", "mine"))
                                .status())
                        .isEqualTo(200));

        boolean approved = purchaseOrders.approveAndOrderAutomatically(UUID.fromString(id), "daily run");

        assertThat(approved).isFalse();
        Api.Response order = api.get(ORDERS + "/" + id);
        assertThat(order.text("/status")).isEqualTo("approved");
        assertThat(budget.stateOf(UUID.fromString(order.text("/budget_reservation_id"))))
                .isEqualTo("RESERVED");
    }

    @Test
    void settlesTheOtherOrdersWhenFinanceRefusesToSettleOne() {
        String sku = stocked(0);
        String other = stocked(0);
        String refusedPath = approvedAndOrdered(sku, 5);
        String settledPath = approvedAndOrdered(other, 5);
        UUID refusedReservation = UUID.fromString(api.get(refusedPath).text("/budget_reservation_id"));
        UUID settledReservation = UUID.fromString(api.get(settledPath).text("/budget_reservation_id"));
        budget.release("inventory", refusedReservation); // finance and the order now disagree
        budget.beforeCommitting(settledReservation, () -> {
            throw new FinanceUnavailableException("finance restarting", null);
        });

        Api.Response received =
                manager.post(refusedPath + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5))));
        manager.post(settledPath + "/receipts", Map.of("lines", List.of(Map.of("sku", other, "quantity", 5))));
        assertThat(budget.stateOf(settledReservation)).as("left for the batch").isEqualTo("RESERVED");

        purchaseOrders.settleBudgets();

        assertThat(received.status()).as("the delivery is recorded").isEqualTo(200);
        assertThat(received.text("/status")).isEqualTo("received");
        assertThat(budget.stateOf(settledReservation)).isEqualTo("COMMITTED");
    }

    @Test
    void callsAPersonOnceForAnOrderWhoseSettlementFinanceKeepsRefusing() {
        String sku = stocked(0);
        String path = approvedAndOrdered(sku, 5);
        String id = path.substring(path.lastIndexOf('/') + 1);
        budget.release("inventory", UUID.fromString(api.get(path).text("/budget_reservation_id")));
        var logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PurchaseOrders.class);
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        logger.addAppender(logged);
        try {
            manager.post(path + "/receipts", Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5))));
            purchaseOrders.settleBudgets();
            purchaseOrders.settleBudgets();
        } finally {
            logger.detachAppender(logged);
        }

        var aboutThisOrder = logged.list.stream()
                .filter(event -> event.getFormattedMessage().contains(id))
                .toList();
        assertThat(aboutThisOrder)
                .filteredOn(event -> event.getLevel() == Level.ERROR)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage()).contains("finance refused"));
        assertThat(aboutThisOrder)
                .as("asked again by both sweeps")
                .filteredOn(event -> event.getFormattedMessage().contains("still refuses"))
                .hasSize(2);
    }

    @Test
    void refusesADeliveryWithAnExpiryDateOutsideTenYearsOfToday() {
        String sku = stocked(0);
        String path = approvedAndOrdered(sku, 5);

        Api.Response refused = manager.post(
                path + "/receipts",
                Map.of("lines", List.of(Map.of("sku", sku, "quantity", 5, "expires_on", LocalDate.MAX.toString()))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines[0].expires_on");
        assertThat(api.get(path).text("/status")).isEqualTo("ordered");
        assertThat(stockOf(sku).body().path("on_hand").asInt()).isZero();
    }

    @Test
    void refusesADraftCostingMoreThanAnOrderCanHoldAndSkipsSuchASuggestion() {
        String drafted = stocked(0);
        String suggested = stocked(0);
        soldDaily(suggested, 30, 10, 10);
        String dearest = "9999999999.9999"; // times a million units: beyond the order's NUMERIC(16,2) total
        String draftSupplier = supplier(drafted, dearest, 7, 1, 1);
        supplier(suggested, dearest, 7, 1_000_000, 1);

        Api.Response refused = manager.post(ORDERS, draft(draftSupplier, drafted, 1_000_000));
        int suggestions = purchaseOrders.suggestFor(suggested);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("lines");
        assertThat(refused.text("/detail")).contains("more than one purchase order holds");
        assertThat(suggestions).isZero();
        assertThat(api.get(ORDERS + "?sku=" + suggested)
                        .body()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void refusesSuppliersFromCallersWithoutTheRoleAndWithBadTerms() {
        Map<String, Object> body = Map.of(
                "name",
                "Acme",
                "lead_time_days",
                0,
                "minimum_order",
                1,
                "pack_size",
                1,
                "unit_cost",
                1,
                "currency",
                "GBP",
                "skus",
                List.of("X"));

        Api.Response bad = manager.post("/api/v1/inventory/suppliers", body);

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("lead_time_days");
        Map<String, Object> good = new java.util.HashMap<>(body);
        good.put("lead_time_days", 3);
        assertThat(roleless().post("/api/v1/inventory/suppliers", good).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/inventory/purchase-orders?status=bogus").errorFields())
                .containsExactly("status");
    }

    private String approvedAndOrdered(String sku, int quantity) {
        String supplierId = supplier(sku, "1.00", 5, 1, 1);
        String path = ORDERS + "/"
                + manager.post(ORDERS, draft(supplierId, sku, quantity)).text("/id");
        assertThat(manager.post(path + "/approve", Map.of("reason", "ok")).status())
                .isEqualTo(200);
        assertThat(manager.post(path + "/order", Map.of("reason", "sent")).status())
                .isEqualTo(200);
        return path;
    }

    private static Map<String, Object> draft(String supplierId, String sku, int quantity) {
        return Map.of(
                "supplier_id",
                supplierId,
                "reason",
                "needed",
                "lines",
                List.of(Map.of("sku", sku, "quantity", quantity)));
    }

    private String supplier(String sku, String unitCost, int leadTime, int minimumOrder, int packSize) {
        return supplierOf(List.of(sku), unitCost, leadTime, minimumOrder, packSize);
    }

    private String supplierOf(List<String> skus, String unitCost, int leadTime, int minimumOrder, int packSize) {
        Api.Response created = manager.post(
                "/api/v1/inventory/suppliers",
                Map.of(
                        "name",
                        "Supplier of " + String.join(" and ", skus),
                        "lead_time_days",
                        leadTime,
                        "minimum_order",
                        minimumOrder,
                        "pack_size",
                        packSize,
                        "unit_cost",
                        new java.math.BigDecimal(unitCost),
                        "currency",
                        "GBP",
                        "skus",
                        skus));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/id");
    }

    /** Orders on each of the last {@code days} days, alternating {@code low} and {@code high} units. */
    private void soldDaily(String sku, int days, int low, int high) {
        soldDaily(sku, "main", days, low, high);
    }

    private void soldDaily(String sku, String location, int days, int low, int high) {
        LocalDate today = today();
        for (int i = 1; i <= days; i++) {
            jdbc.update(
                    "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, ?, ?, ?)",
                    sku,
                    location,
                    today.minusDays(i),
                    i % 2 == 0 ? low : high);
        }
    }

    /** The SKU's one low-stock alert, once it is raised. */
    private JsonNode theLowStockAlertOf(String sku) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get("/api/v1/inventory/alerts?type=low_stock&sku=" + sku)
                                .body()
                                .path("items"),
                        items -> items.size() == 1)
                .get(0);
    }

    /** A signed-in member of staff without any role. */
    private Api roleless() {
        return api.withToken(TestTokens.staff("no-role"));
    }
}

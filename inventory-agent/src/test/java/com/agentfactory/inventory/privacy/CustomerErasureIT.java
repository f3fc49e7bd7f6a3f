package com.agentfactory.inventory.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.ErasureUnderWay;
import com.agentfactory.messaging.testing.LockWaits;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class CustomerErasureIT extends InventoryIntegrationTest {

    @Autowired
    InventoryPersonalData personalData;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    @Value("${agentfactory.inventory.pending-cancellations.cut-over-grace}")
    Duration cutOverGrace;

    @BeforeEach
    void ordersRecordedSinceLongerThanTheGracePeriod() {
        // as where the migrations ran long ago: a credit note now waits for its customer's orders
        jdbc.update(
                "UPDATE order_stock_cut_over SET since = LEAST(since, ?)",
                Timestamp.from(Instant.now().minus(cutOverGrace).minus(Duration.ofDays(1))));
    }

    @Test
    void anOrderBeingAppliedWhenTheCustomerIsErasedStillGivesBackTheirWaitingCreditNoteAndIsPseudonymised()
            throws Exception {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        var creditNote = CommerceEventMother.unnamedCancellationBy(customer, sku, 2);
        publish(creditNote);
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf("pending_order_cancellations", customer) == 1);
        var order = CommerceEventMother.customersOrderBefore(creditNote, 3);

        try (var holder = dataSource.getConnection();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            // stands for another change of the SKU's stock: the order waits for it holding the customer's lock
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM stock_levels WHERE sku = ? FOR UPDATE")) {
                lock.setString(1, sku);
                lock.executeQuery().close();
            }
            publish(order);
            LockWaits.awaitSessionBlockedBy(jdbc, LockWaits.backendPid(holder));
            var erasure = executor.submit(() -> erase(customer));
            LockWaits.awaitStatementWaitingForLock(jdbc, "'inventory customer '", erasure);
            holder.commit();
            erasure.get(60, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(order.eventId()));
        assertThat(stockOf(sku).body().path("on_hand").asInt())
                .as("3 taken, the 2 the credit note asks of them given back")
                .isEqualTo(4);
        assertThat(rowsOf("order_stock", customer))
                .as("the order's record under the erased customer")
                .isZero();
        assertThat(rowsOf("pending_order_cancellations", customer)).isZero();
    }

    @Test
    void whatAGracePeriodCreditNoteGaveBackBeyondTheCustomersOrdersIsExportedAndPseudonymised() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        publish(CommerceEventMother.occurredAt(
                CommerceEventMother.unnamedCancellationBy(customer, sku, 2), lateInTheGracePeriod()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf("grace_period_credit_notes", customer) == 1);

        assertThat(personalData.export(customer).records().get("grace_period_credit_notes"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("sku", sku).containsEntry("units", 2));
        erase(customer);

        assertThat(rowsOf("grace_period_credit_notes", customer)).isZero();
    }

    @Test
    void anErasedCustomersOrderAndCreditNotesReadAfterTheErasureMoveStockButRecordNothingUnderTheirId() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        erase(customer);

        // still queued at the erasure, or replayed by a consumer group new to the topic
        publish(CommerceEventMother.orderBy(customer, sku, 3));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stockOf(sku).body().path("on_hand").asInt() == 2);
        var creditNote = CommerceEventMother.unnamedCancellationBy(customer, sku, 2);
        publish(creditNote);
        var gracePeriodCreditNote = CommerceEventMother.occurredAt(
                CommerceEventMother.unnamedCancellationBy(customer, sku, 1), lateInTheGracePeriod());
        publish(gracePeriodCreditNote);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> applied(creditNote.eventId()) && applied(gracePeriodCreditNote.eventId()));

        assertThat(stockOf(sku).body().path("on_hand").asInt())
                .as("3 taken; the grace-period credit note's 1 given back, the other's 2 matched to no order")
                .isEqualTo(3);
        assertThat(rowsOf("erased_customers", customer))
                .as("the id kept as erased is all there is of them")
                .isEqualTo(1);
        assertKeepsNothingUnder(customer, "order_stock", "pending_order_cancellations", "grace_period_credit_notes");
    }

    @Test
    void aCheckoutOfACustomerErasedBeforeHoldsTheUnitsAndKeepsNothingUnderTheirId() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        erase(customer);

        // the storefront's checkout still open at the erasure
        Api.Response reserved = reserveFor(customer, sku, 2);

        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.body().path("customer_id").isTextual())
                .as("names no customer")
                .isFalse();
        assertThat(available(sku)).isEqualTo(3);
        assertKeepsNothingUnder(customer, "stock_reservations");
    }

    @Test
    void aCheckoutWhileTheCustomerIsErasedWaitsForTheErasureAndKeepsNothingUnderTheirId() throws Exception {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);

        // the erasure's re-keying has run: a reservation stored under the customer's id now would stay under it
        Api.Response reserved = ErasureUnderWay.whileErasing(
                personalData, transactionManager, jdbc, customer, () -> reserveFor(customer, sku, 2));

        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.body().path("customer_id").isTextual())
                .as("names no customer")
                .isFalse();
        assertThat(available(sku)).isEqualTo(3);
        assertKeepsNothingUnder(customer, "stock_reservations");
    }

    @Test
    void anUnrelatedGuestsOrderLeavesAnErasedCustomersReservationToTheirOwnOrder() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(2);
        String held = reserveFor(customer, sku, 2).text("/id");
        erase(customer);

        var guests = CommerceEventMother.guestOrder(sku, 1);
        publish(guests);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(guests.eventId()));

        assertThat(reservationStatus(held))
                .as("the last 2 units stay held for the erased customer's checkout")
                .isEqualTo("active");
        assertThat(stockOf(sku).body().path("backordered").asInt())
                .as("the guest's unit is owed: none was free")
                .isEqualTo(1);

        // sent before the erasure reached the storefront: it still names the customer
        var own = CommerceEventMother.orderBy(customer, sku, 2);
        publish(own);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(own.eventId()));

        assertThat(reservationStatus(held)).isEqualTo("committed");
        var stock = stockOf(sku).body();
        assertThat(stock.path("on_hand").asInt()).isZero();
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(stock.path("backordered").asInt())
                .as("only the guest's unit: the erased customer's order got the units they held")
                .isEqualTo(1);
    }

    @Test
    void anErasedCustomersOrderTakesTheReservationTheirCheckoutMadeAfterTheErasureAndNoOtherErasedCustomers() {
        String sku = stocked(5);
        UUID erasedBefore = UUID.randomUUID();
        String othersHeld = reserveFor(erasedBefore, sku, 1).text("/id");
        erase(erasedBefore);
        UUID customer = UUID.randomUUID();
        erase(customer);
        String held = reserveFor(customer, sku, 2).text("/id");

        // sent before the erasure reached the storefront: it still names the customer
        var order = CommerceEventMother.orderBy(customer, sku, 2);
        publish(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(order.eventId()));

        assertThat(reservationStatus(held)).isEqualTo("committed");
        assertThat(reservationStatus(othersHeld))
                .as("the older reservation of another erased customer is theirs still")
                .isEqualTo("active");
        var stock = stockOf(sku).body();
        assertThat(stock.path("on_hand").asInt()).isEqualTo(3);
        assertThat(stock.path("reserved").asInt()).isEqualTo(1);
        assertThat(rowsOf("stock_reservations", customer)).isZero();
    }

    @Test
    void theGuestOrderOfACheckoutWhoseCustomerWasErasedLeavesItsReservationToExpire() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        String held = reserveFor(customer, sku, 2).text("/id");
        erase(customer);

        // the storefront no longer knows the customer: their checkout's order comes as a guest's, which says nothing
        // of whose checkout it was
        var order = CommerceEventMother.guestOrder(sku, 2);
        publish(order);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(order.eventId()));

        assertThat(reservationStatus(held)).isEqualTo("active");
        var stock = stockOf(sku).body();
        assertThat(stock.path("on_hand").asInt()).isEqualTo(3);
        assertThat(stock.path("reserved").asInt())
                .as("held beside the order's until the reservation expires")
                .isEqualTo(2);
        assertThat(stock.path("available").asInt()).isEqualTo(1);
    }

    @Test
    void readingOrReleasingAnErasedCustomersReservationNamesNoCustomer() {
        UUID customer = UUID.randomUUID();
        String sku = stocked(5);
        String atErasure = reserveFor(customer, sku, 1).text("/id");
        String closedBefore = reserveFor(customer, sku, 1).text("/id");
        api.post("/api/v1/inventory/reservations/" + closedBefore + "/release", "");
        erase(customer);
        String afterErasure = reserveFor(customer, sku, 1).text("/id");

        // a caller that sent the erased id would learn which pseudonym stands for it
        for (String held : new String[] {atErasure, afterErasure, closedBefore}) {
            Api.Response read = api.get("/api/v1/inventory/reservations/" + held);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("customer_id").isTextual())
                    .as("reservation %s read", held)
                    .isFalse();
        }
        for (String held : new String[] {atErasure, afterErasure}) {
            Api.Response released = api.post("/api/v1/inventory/reservations/" + held + "/release", "");
            assertThat(released.status()).isEqualTo(200);
            assertThat(released.text("/status")).isEqualTo("released");
            assertThat(released.body().path("customer_id").isTextual())
                    .as("reservation %s released", held)
                    .isFalse();
        }
    }

    /** What an erasure leaves of the customer: no row under their id in the tables named, and nothing to export. */
    private void assertKeepsNothingUnder(UUID customer, String... tables) {
        for (String table : tables) {
            assertThat(rowsOf(table, customer))
                    .as("rows of %s under the erased customer", table)
                    .isZero();
        }
        assertThat(personalData.export(customer).records().values())
                .as("personal data of theirs to export")
                .allSatisfy(records -> assertThat(records).isEmpty());
    }

    private void erase(UUID customer) {
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> personalData.erase(customer));
    }

    private String reservationStatus(String id) {
        return api.get("/api/v1/inventory/reservations/" + id).text("/status");
    }

    private Instant lateInTheGracePeriod() {
        return jdbc.queryForObject("SELECT since FROM order_stock_cut_over", Instant.class)
                .plus(cutOverGrace)
                .minus(Duration.ofDays(1));
    }

    private int rowsOf(String table, UUID customer) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE customer_id = ?", Integer.class, customer);
    }

    private boolean applied(UUID eventId) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM processed_messages WHERE message_id = ? AND consumer = 'inventory-stock'",
                        Integer.class,
                        eventId)
                == 1;
    }
}

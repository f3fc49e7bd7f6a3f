package com.agentfactory.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.inventory.support.CommerceEventMother;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class ReservationIT extends InventoryIntegrationTest {

    @Autowired
    OrderStock orderStock;

    @Autowired
    ReservationRepository reservations;

    @Autowired
    PendingCancellationProperties pendingCancellations;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReservationExpiry expiry;

    @Autowired
    ReservationService reservationService;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fiftyConcurrentCheckoutsOfOneShareTenUnitsExactly() throws Exception {
        String sku = stocked(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                statuses.add(executor.submit(() -> {
                    start.await();
                    return reserve(sku, 1).status();
                }));
            }
            start.countDown();
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        assertThat(answered).filteredOn(status -> status == 201).hasSize(10);
        assertThat(answered).filteredOn(status -> status == 409).hasSize(40);
        var stock = stockOf(sku).body();
        assertThat(stock.path("available").asInt()).isZero();
        assertThat(stock.path("reserved").asInt()).isEqualTo(10);
        assertThat(stock.path("on_hand").asInt()).isEqualTo(10);
        assertThat(jdbc.queryForObject(
                        "SELECT sum(quantity) FROM stock_reservations WHERE sku = ? AND status = 'ACTIVE'",
                        Integer.class,
                        sku))
                .isEqualTo(10);
    }

    @Test
    void refusesACheckoutForMoreThanIsAvailable() {
        String sku = stocked(3);

        Api.Response refused = reserve(sku, 4);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/detail")).contains("only 3 of SKU " + sku);
        assertThat(available(sku)).isEqualTo(3);
    }

    @Test
    void releasingGivesTheUnitsBackOnce() {
        String sku = stocked(5);
        Api.Response reserved = reserve(sku, 3);
        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.text("/status")).isEqualTo("active");
        assertThat(reserved.text("/location")).isEqualTo("main");
        assertThat(available(sku)).isEqualTo(2);
        String id = reserved.text("/id");

        Api.Response released = api.post("/api/v1/inventory/reservations/" + id + "/release", "");
        Api.Response again = api.post("/api/v1/inventory/reservations/" + id + "/release", "");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.text("/status")).isEqualTo("released");
        assertThat(again.status()).isEqualTo(409);
        assertThat(available(sku)).isEqualTo(5);
    }

    @Test
    void anExpiredReservationGivesItsUnitsBack() {
        String sku = stocked(4);
        String id = reserve(sku, 4).text("/id");
        assertThat(available(sku)).isZero();

        jdbc.update(
                "UPDATE stock_reservations SET expires_at = now() - interval '1 second' WHERE id = ?",
                UUID.fromString(id));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(available(sku)).isEqualTo(4));
        assertThat(api.get("/api/v1/inventory/reservations/" + id).text("/status"))
                .isEqualTo("expired");
    }

    @Test
    void expiringSkipsAReservationWhoseStockRowIsHeldElsewhereAndExpiresTheOthersDue() throws Exception {
        String heldSku = stocked(2);
        String freeSku = stocked(2);
        UUID held = UUID.fromString(reserve(heldSku, 2).text("/id"));
        UUID free = UUID.fromString(reserve(freeSku, 2).text("/id"));

        // as another instance expiring it, or an order taking it, would hold it
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement(
                    "SELECT 1 FROM stock_levels WHERE sku = ? AND location = 'main' FOR UPDATE")) {
                lock.setString(1, heldSku);
                lock.executeQuery().close();
            }
            // both due at once, the held one first in expiry order
            jdbc.update(
                    "UPDATE stock_reservations SET expires_at = now() - CASE WHEN id = ? THEN interval '2 hours'"
                            + " ELSE interval '1 hour' END WHERE id IN (?, ?)",
                    held,
                    held,
                    free);

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(statusOf(free)).isEqualTo("EXPIRED"));
            assertThat(available(freeSku)).isEqualTo(2);
            assertThat(statusOf(held)).isEqualTo("ACTIVE");
            other.rollback();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusOf(held)).isEqualTo("EXPIRED"));
        assertThat(available(heldSku)).isEqualTo(2);
    }

    @Test
    void expiringWaitsForTheStockRowOfAReservationLongOverdueWhenCheckoutsNeverLeaveTheRowFree() throws Exception {
        String busySku = stocked(2);
        UUID overdue = UUID.fromString(reserve(busySku, 2).text("/id"));

        try (var flashSale = new BusyStockRow(busySku)) {
            jdbc.update("UPDATE stock_reservations SET expires_at = now() - interval '1 hour' WHERE id = ?", overdue);

            await().atMost(Duration.ofSeconds(30)).until(() -> {
                flashSale.handOver();
                return statusOf(overdue).equals("EXPIRED");
            });
        }
        assertThat(available(busySku)).isEqualTo(2);
    }

    @Test
    void anOverdueReservationWhoseStockRowALongTransactionHoldsIsLeftToALaterPassWithTheOthersAtThatRow()
            throws Exception {
        String heldSku = stocked(4);
        String busySku = stocked(2);
        UUID held = UUID.fromString(reserve(heldSku, 2).text("/id"));
        UUID alsoHeld = UUID.fromString(reserve(heldSku, 2).text("/id"));
        UUID busy = UUID.fromString(reserve(busySku, 2).text("/id"));

        try (var longTransaction = new HeldStockRow(heldSku);
                var flashSale = new BusyStockRow(busySku)) {
            // all overdue at once, in this expiry order: the sweep comes to the held row's before the busy one's
            jdbc.update(
                    "UPDATE stock_reservations SET expires_at = now() - CASE WHEN id = ? THEN interval '3 hours'"
                            + " WHEN id = ? THEN interval '2 hours' ELSE interval '1 hour' END WHERE id IN (?, ?, ?)",
                    held,
                    alsoHeld,
                    held,
                    alsoHeld,
                    busy);

            Set<String> waitsForTheHeldRow = new HashSet<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                waitsForTheHeldRow.addAll(longTransaction.waitsBehind());
                flashSale.handOver();
                return statusOf(busy).equals("EXPIRED");
            });
            assertThat(waitsForTheHeldRow)
                    .as("once a wait for the held row ran out, the pass waited for it no more")
                    .hasSize(1);
            assertThat(statusOf(held)).isEqualTo("ACTIVE");
            assertThat(statusOf(alsoHeld)).isEqualTo("ACTIVE");
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(List.of(statusOf(held), statusOf(alsoHeld))).containsOnly("EXPIRED"));
        assertThat(available(heldSku)).isEqualTo(4);
        assertThat(available(busySku)).isEqualTo(2);
    }

    @Test
    void aSweepPassesAnOverdueReservationAnotherInstanceHasClaimedInsteadOfQueueingBehindIt() throws Exception {
        String heldSku = stocked(2);
        UUID held = UUID.fromString(reserve(heldSku, 2).text("/id"));

        try (var longTransaction = new HeldStockRow(heldSku);
                var otherInstance = new ClaimedForExpiry(held);
                var sweeps = Executors.newSingleThreadExecutor()) {
            jdbc.update("UPDATE stock_reservations SET expires_at = now() - interval '1 hour' WHERE id = ?", held);

            // another instance has claimed it and waits for its row: this sweep (and the scheduled one) must pass it
            // rather than wait behind that instance for the same row
            Future<?> sweep = sweeps.submit(expiry::expireDue);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() ->
                            sweep.isDone() || !longTransaction.waitsBehind().isEmpty());

            assertThat(longTransaction.waitsBehind())
                    .as("no sweep waits for the row of a reservation another instance claimed")
                    .isEmpty();
            sweep.get(30, TimeUnit.SECONDS);
            assertThat(statusOf(held)).isEqualTo("ACTIVE");
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(statusOf(held)).isEqualTo("EXPIRED"));
        assertThat(available(heldSku)).isEqualTo(2);
    }

    @Test
    void expiringAnOverdueReservationCutsOnlyTheWaitForItsStockRowShort() {
        String sku = stocked(2);
        UUID overdue = UUID.fromString(reserve(sku, 2).text("/id"));
        var transaction = new TransactionTemplate(transactions);

        List<Object> afterExpiring = transaction.execute(status -> {
            String before = jdbc.queryForObject("SHOW lock_timeout", String.class);
            // due only inside this transaction, so the scheduled sweep cannot expire it first
            jdbc.update("UPDATE stock_reservations SET expires_at = now() - interval '1 hour' WHERE id = ?", overdue);
            boolean expired = reservationService.expire(overdue, Duration.ofSeconds(2));
            String after = jdbc.queryForObject("SHOW lock_timeout", String.class);
            status.setRollbackOnly();
            return List.of(expired, before, after);
        });

        assertThat(afterExpiring.getFirst()).isEqualTo(true);
        assertThat(afterExpiring.get(2))
                .as("the rest of the transaction (outbox, listeners) waits for locks as it did before")
                .isEqualTo(afterExpiring.get(1));
    }

    @Test
    void theCustomersOrderTakesTheirReservationAndNoOneElses() {
        String sku = stocked(5);
        UUID customer = UUID.randomUUID();
        Api.Response own = api.post(
                "/api/v1/inventory/reservations",
                Map.of("sku", sku, "quantity", 2, "customer_id", customer.toString()));
        assertThat(reserve(sku, 3).status()).isEqualTo(201);
        assertThat(available(sku)).isZero();

        publish(CommerceEventMother.orderBy(customer, sku, 2));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get("/api/v1/inventory/reservations/" + own.text("/id"))
                                .text("/status"))
                        .isEqualTo("committed"));
        var stock = stockOf(sku).body();
        assertThat(stock.path("on_hand").asInt()).isEqualTo(3);
        assertThat(stock.path("reserved").asInt()).isEqualTo(3);
        assertThat(stock.path("backordered").asInt()).isZero();
    }

    @Test
    void aClosedReservationIsForgottenTheRetentionAfterItClosedAndAnActiveOneIsKept() {
        String sku = stocked(5);
        String closed = reserve(sku, 2).text("/id");
        Api.Response released = api.post("/api/v1/inventory/reservations/" + closed + "/release", "");
        String active = reserve(sku, 1).text("/id");
        Instant retentionAfterIt = Instant.parse(released.text("/closed_at")).plus(pendingCancellations.retention());

        purgeAt(retentionAfterIt.minusSeconds(60));
        assertThat(api.get("/api/v1/inventory/reservations/" + closed).status())
                .as("kept until the retention has passed")
                .isEqualTo(200);

        assertThat(purgeAt(retentionAfterIt.plusSeconds(60)).reservations()).isPositive();
        assertThat(api.get("/api/v1/inventory/reservations/" + closed).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inventory/reservations/" + active).text("/status"))
                .isEqualTo("active");
        assertThat(available(sku)).isEqualTo(4);
    }

    @Test
    void anErasedCustomersCheckoutsHoldUnderOnePseudonymForgottenOnceNoneOfItsReservationsIsActive() {
        String sku = stocked(5);
        UUID customer = UUID.randomUUID();
        jdbc.update("INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, now())", customer);
        String first = reserveFor(customer, sku, 1).text("/id");
        String second = reserveFor(customer, sku, 1).text("/id");
        UUID pseudonym = checkoutPseudonymOf(customer);

        assertThat(pseudonym).isNotNull();
        assertThat(jdbc.queryForList(
                        "SELECT customer_id FROM stock_reservations WHERE id IN (?, ?)",
                        UUID.class,
                        UUID.fromString(first),
                        UUID.fromString(second)))
                .containsOnly(pseudonym);

        api.post("/api/v1/inventory/reservations/" + first + "/release", "");
        purgeAt(Instant.now());
        assertThat(checkoutPseudonymOf(customer))
                .as("kept while a reservation under it is active")
                .isEqualTo(pseudonym);

        api.post("/api/v1/inventory/reservations/" + second + "/release", "");
        assertThat(purgeAt(Instant.now()).checkoutPseudonyms()).isPositive();
        assertThat(checkoutPseudonymOf(customer)).isNull();
        String later = reserveFor(customer, sku, 1).text("/id");
        assertThat(jdbc.queryForObject(
                        "SELECT customer_id FROM stock_reservations WHERE id = ?", UUID.class, UUID.fromString(later)))
                .as("a new checkout's reservation goes under a new one")
                .isEqualTo(checkoutPseudonymOf(customer))
                .isNotEqualTo(pseudonym);
    }

    @Test
    void forgettingCheckoutPseudonymsCommitsEachCustomerWithoutWaitingForTheNext() throws Exception {
        String sku = stocked(5);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // PostgreSQL orders uuids as their text: the purge comes to the first before the second
        if (first.toString().compareTo(second.toString()) > 0) {
            UUID swapped = first;
            first = second;
            second = swapped;
        }
        for (UUID customer : List.of(first, second)) {
            jdbc.update("INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, now())", customer);
            api.post(
                    "/api/v1/inventory/reservations/"
                            + reserveFor(customer, sku, 1).text("/id") + "/release",
                    "");
        }

        // the connection closes first, giving the lock up, should an assertion fail while the purge waits for it
        try (var executor = Executors.newVirtualThreadPerTaskExecutor();
                Connection other = dataSource.getConnection()) {
            // as the second customer's order or checkout would hold it
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended('inventory customer ' || ?, 0))")) {
                lock.setString(1, second.toString());
                lock.executeQuery().close();
            }
            Future<PendingCancellationPurge.Forgotten> purge = executor.submit(() -> purgeAt(Instant.now()));

            UUID done = first;
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(checkoutPseudonymOf(done)).isNull());
            assertThat(purge).isNotDone();
            assertThat(checkoutPseudonymOf(second)).isNotNull();
            other.rollback();

            assertThat(purge.get(30, TimeUnit.SECONDS).checkoutPseudonyms()).isGreaterThanOrEqualTo(2);
        }
        assertThat(checkoutPseudonymOf(second)).isNull();
    }

    @Test
    void aClosedReservationOfAnErasedCustomersCheckoutNamesNoCustomerOnceItsPseudonymIsForgotten() {
        String sku = stocked(5);
        UUID customer = UUID.randomUUID();
        jdbc.update("INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, now())", customer);
        String held = reserveFor(customer, sku, 1).text("/id");
        api.post("/api/v1/inventory/reservations/" + held + "/release", "");

        assertThat(purgeAt(Instant.now()).checkoutPseudonyms()).isPositive();

        Api.Response read = api.get("/api/v1/inventory/reservations/" + held);
        assertThat(read.text("/status")).isEqualTo("released");
        assertThat(read.body().path("customer_id").isTextual())
                .as("the pseudonym names no customer, and the caller that sent the erased id would learn it")
                .isFalse();
    }

    /** Holds a stock row locked in one open transaction, as a long transaction elsewhere would; rolled back on close. */
    /** Another instance's claim on expiring the reservation, held until closed. */
    private final class ClaimedForExpiry implements AutoCloseable {

        private final Connection connection;

        ClaimedForExpiry(UUID reservation) throws Exception {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (var claim = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(" + "'inventory expiring reservation ' || ?, 0))")) {
                claim.setString(1, reservation.toString());
                claim.execute();
            }
        }

        @Override
        public void close() throws Exception {
            connection.rollback();
            connection.close();
        }
    }

    private final class HeldStockRow implements AutoCloseable {

        private final Connection connection;
        private final int pid;

        HeldStockRow(String sku) throws Exception {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (var lock = connection.prepareStatement(
                    "SELECT pg_backend_pid() FROM stock_levels WHERE sku = ? AND location = 'main' FOR UPDATE")) {
                lock.setString(1, sku);
                try (var result = lock.executeQuery()) {
                    result.next();
                    pid = result.getInt(1);
                }
            }
        }

        /** Each wait for a lock this transaction holds, as its backend and when the waiting statement began. */
        List<String> waitsBehind() {
            return jdbc.queryForList(
                    "SELECT pid || ' ' || query_start FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))"
                            + " ORDER BY pid",
                    String.class,
                    pid);
        }

        @Override
        public void close() throws Exception {
            connection.rollback();
            connection.close();
        }
    }

    /**
     * Keeps a stock row locked by one open transaction after another, the next already queued for it when the last
     * commits, as the checkouts and orders of a flash sale do: the row is never free for a moment.
     */
    private final class BusyStockRow implements AutoCloseable {

        private final String sku;
        private final Connection[] connections = new Connection[2];
        private final int[] pids = new int[2];
        private final ExecutorService queue = Executors.newSingleThreadExecutor();
        private int holder;

        BusyStockRow(String sku) throws Exception {
            this.sku = sku;
            for (int i = 0; i < connections.length; i++) {
                connections[i] = dataSource.getConnection();
                connections[i].setAutoCommit(false);
                try (var pid = connections[i].prepareStatement("SELECT pg_backend_pid()");
                        var result = pid.executeQuery()) {
                    result.next();
                    pids[i] = result.getInt(1);
                }
            }
            lock(connections[holder]);
        }

        /** The other transaction queues for the row, then the holder commits and the row passes to the first queued. */
        void handOver() throws Exception {
            int next = 1 - holder;
            Future<?> queued = queue.submit(() -> {
                lock(connections[next]);
                return null;
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                            "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?",
                            Boolean.class,
                            pids[next]));
            connections[holder].commit();
            queued.get(30, TimeUnit.SECONDS);
            holder = next;
        }

        private void lock(Connection connection) throws Exception {
            try (var lock = connection.prepareStatement(
                    "SELECT 1 FROM stock_levels WHERE sku = ? AND location = 'main' FOR UPDATE")) {
                lock.setString(1, sku);
                lock.executeQuery().close();
            }
        }

        @Override
        public void close() throws Exception {
            connections[holder].commit();
            queue.close();
            for (Connection connection : connections) {
                connection.rollback();
                connection.close();
            }
        }
    }

    private String statusOf(UUID reservation) {
        return jdbc.queryForObject("SELECT status FROM stock_reservations WHERE id = ?", String.class, reservation);
    }

    private UUID checkoutPseudonymOf(UUID customer) {
        return jdbc.queryForObject(
                "SELECT checkout_pseudonym FROM erased_customers WHERE customer_id = ?", UUID.class, customer);
    }

    @Test
    void refusesACheckoutNamingNoCustomerAsNoOrderWouldEverTakeIt() {
        String sku = stocked(2);

        Api.Response guest = api.post("/api/v1/inventory/reservations", Map.of("sku", sku, "quantity", 1));

        assertThat(guest.status()).isEqualTo(400);
        assertThat(guest.errorFields()).containsExactly("customer_id");
        assertThat(available(sku)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM stock_reservations WHERE sku = ?", Long.class, sku))
                .isZero();
    }

    @Test
    void rejectsMalformedReservationsAndUnknownThings() {
        String sku = stocked(1);

        Api.Response zero = reserve(sku, 0);
        Api.Response noSku = api.post(
                "/api/v1/inventory/reservations",
                Map.of("quantity", 1, "customer_id", UUID.randomUUID().toString()));
        Api.Response unknownSku = reserve("NO-SUCH-SKU", 1);
        Api.Response unknownLocation = api.post(
                "/api/v1/inventory/reservations",
                Map.of(
                        "sku",
                        sku,
                        "quantity",
                        1,
                        "location",
                        "atlantis",
                        "customer_id",
                        UUID.randomUUID().toString()));
        Api.Response unknownReservation =
                api.post("/api/v1/inventory/reservations/" + UUID.randomUUID() + "/release", "");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorFields()).containsExactly("quantity");
        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.errorFields()).containsExactly("sku");
        assertThat(unknownSku.status()).isEqualTo(404);
        assertThat(unknownLocation.status()).isEqualTo(422);
        assertThat(unknownLocation.errorFields()).containsExactly("location");
        assertThat(unknownReservation.status()).isEqualTo(404);
    }

    private PendingCancellationPurge.Forgotten purgeAt(Instant now) {
        return new PendingCancellationPurge(
                        orderStock, reservations, pendingCancellations, Clock.fixed(now, ZoneOffset.UTC))
                .purge();
    }
}

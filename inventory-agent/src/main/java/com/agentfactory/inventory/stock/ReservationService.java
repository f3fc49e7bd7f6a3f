package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.error.RuleViolationException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds stock for checkouts. Every path that changes a reservation locks the stock row before the reservation
 * (as orders do), so a release racing an order cannot deadlock with it, and {@code reserved} always equals the
 * sum of the active reservations. A new reservation takes its customer's lock before the stock rows, as the
 * customer's orders do, so the customer's erasure and the reservation never both miss the other.
 */
@Service
class ReservationService {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final StockLevelRepository levels;
    private final ReservationRepository reservations;
    private final StockChanges changes;
    private final OrderStock orderStock;
    private final InventoryProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReservationService(
            StockLevelRepository levels,
            ReservationRepository reservations,
            StockChanges changes,
            OrderStock orderStock,
            InventoryProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.levels = levels;
        this.reservations = reservations;
        this.changes = changes;
        this.orderStock = orderStock;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Holds the units for the customer's checkout. A customer since erased gets one under their checkout's pseudonym
     * (see {@code InventoryPersonalData}), the same as their reservations still active at the erasure: stored under
     * their id it would be their personal data again, kept and exported after the erasure, and without the pseudonym
     * their order would not take it. The response names no customer then.
     */
    @Transactional
    ReservationResponse reserve(CreateReservationRequest request) {
        String sku = request.sku();
        int quantity = request.quantity();
        if (request.location() != null && !properties.locations().contains(request.location())) {
            throw RuleViolationException.of("location", "not a known warehouse: " + properties.locations());
        }
        UUID customer = request.customerId();
        boolean pseudonymised = false;
        if (customer != null) {
            // before the stock rows, as orders take it: an erasure under way commits first and is seen below, and
            // one that comes later waits for this reservation to commit and re-keys it with the rest
            orderStock.lockCustomer(customer);
            if (orderStock.erased(customer)) {
                customer = orderStock.checkoutPseudonymFor(customer);
                pseudonymised = true;
            }
        }
        // every row of the SKU, in location order as orders lock them, before the clock is read: a reservation
        // that waited behind another change of the row is stamped after it
        List<StockLevel> rows = levels.lockBySku(sku);
        if (rows.isEmpty()) {
            throw new UnknownSkuException(sku);
        }
        Instant now = clock.instant();
        for (String location : candidates(rows, request.location())) {
            if (levels.reserveIfAvailable(sku, location, quantity, now) == 1) {
                var reservation = reservations.save(
                        new Reservation(sku, location, quantity, customer, now, now.plus(properties.reservationTtl())));
                changes.changed(levels.findBySkuAndLocation(sku, location).orElseThrow(), now);
                var response = ReservationResponse.of(reservation);
                return pseudonymised ? response.withoutCustomer() : response;
            }
        }
        int available = rows.stream()
                .filter(row -> request.location() == null || row.location().equals(request.location()))
                .mapToInt(StockLevel::available)
                .max()
                .orElse(0);
        String where = request.location() == null ? "at any warehouse" : "at " + request.location();
        throw new InsufficientStockException(sku, where, quantity, Math.max(0, available));
    }

    // one snapshot for the reservation and its pseudonym's link: the purge forgets the link and clears the
    // reservations under it together, so a reservation read before that is never checked against the link after it
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ReservationResponse find(UUID id) {
        return reservations.findById(id).map(this::responseOf).orElseThrow(() -> new ReservationNotFoundException(id));
    }

    @Transactional
    ReservationResponse release(UUID id) {
        return close(id, ReservationStatus.RELEASED);
    }

    /**
     * Expires at most {@code limit} of the reservations due, those no other transaction holds, in one transaction;
     * returns how many it expired.
     */
    @Transactional
    int expireDue(int limit) {
        List<UUID> claimed = reservations.claimDue(clock.instant(), limit);
        for (UUID id : claimed) {
            close(id, ReservationStatus.EXPIRED);
        }
        return claimed.size();
    }

    /**
     * At most {@code limit} of the reservations still active {@code grace} after they expired, oldest first, with
     * their stock rows.
     */
    @Transactional(readOnly = true)
    List<OverdueReservation> overdue(Duration grace, int limit) {
        return reservations.findExpiredBy(
                ReservationStatus.ACTIVE, clock.instant().minus(grace), Limit.of(limit));
    }

    /**
     * Expires the reservation if it is still active and due, waiting at most {@code lockWait} for its stock row, which
     * it locks first as the other paths do; returns whether it did. One another instance is expiring is left to it
     * at once, so instances waiting for stock rows each wait for a different reservation's. Released, taken by an
     * order or expired by another instance while this waited, it is left as it is.
     *
     * @throws StockRowStayedLockedException when the stock row stayed locked for {@code lockWait}; nothing was changed
     */
    @Transactional
    boolean expire(UUID id, Duration lockWait) {
        if (!reservations.tryClaimForExpiry(id.toString())) {
            return false;
        }
        ReservationPlace place = reservations.placeOf(id).orElse(null);
        if (place == null) {
            return false;
        }
        lockWaitingAtMost(place, lockWait);
        StockLevel row = levels.lockAt(place.sku(), place.location()).orElseThrow();
        Reservation reservation = reservations.lockById(id).orElse(null);
        Instant now = clock.instant();
        if (reservation == null
                || reservation.status() != ReservationStatus.ACTIVE
                || reservation.expiresAt().isAfter(now)) {
            return false;
        }
        reservation.close(ReservationStatus.EXPIRED, now);
        row.release(reservation.quantity(), now);
        levels.flush();
        changes.changed(row, now);
        return true;
    }

    /**
     * Locks the stock row waiting at most {@code lockWait}, then gives the transaction back the lock timeout it had:
     * the rest of the expiry (the reservation's row, the outbox, the listeners of the change) waits as any
     * transaction does, so a lock failure there is never taken for the stock row's. The reservation's row is not
     * held by anyone without the stock row, which every path locks first, so waiting for it cannot outlast the
     * stock row's wait. Through JDBC rather than Hibernate, which logs every failed statement as a warning: a wait
     * running out here is expected, and the sweep says so itself.
     */
    private void lockWaitingAtMost(ReservationPlace place, Duration lockWait) {
        String previous = jdbc.sql("SELECT current_setting('lock_timeout')")
                .query(String.class)
                .single();
        setLockTimeout(Long.toString(Math.max(1, lockWait.toMillis())));
        try {
            jdbc.sql("SELECT 1 FROM stock_levels WHERE sku = :sku AND location = :location FOR UPDATE")
                    .param("sku", place.sku())
                    .param("location", place.location())
                    .query()
                    .singleRow();
        } catch (DataAccessException e) {
            // Spring's JDBC translation leaves PostgreSQL's lock timeout uncategorised
            if (e.getMostSpecificCause() instanceof SQLException cause
                    && LOCK_NOT_AVAILABLE.equals(cause.getSQLState())) {
                throw new StockRowStayedLockedException(place, lockWait, e);
            }
            throw e;
        }
        setLockTimeout(previous);
    }

    private void setLockTimeout(String timeout) {
        jdbc.sql("SELECT set_config('lock_timeout', :timeout, true)")
                .param("timeout", timeout)
                .query()
                .singleRow();
    }

    private ReservationResponse close(UUID id, ReservationStatus outcome) {
        ReservationPlace place = reservations.placeOf(id).orElseThrow(() -> new ReservationNotFoundException(id));
        StockLevel row = levels.lockAt(place.sku(), place.location()).orElseThrow();
        Reservation reservation = reservations.lockById(id).orElseThrow(() -> new ReservationNotFoundException(id));
        Instant now = clock.instant();
        reservation.close(outcome, now);
        row.release(reservation.quantity(), now);
        levels.flush();
        changes.changed(row, now);
        // still active when locked, so the purge keeps its pseudonym's link until this commits
        return responseOf(reservation);
    }

    /**
     * Names no customer for a reservation under an erased customer's checkout pseudonym: the pseudonym is no
     * customer's id, and a caller that sent the erased id would learn which pseudonym stands for it.
     */
    private ReservationResponse responseOf(Reservation reservation) {
        var response = ReservationResponse.of(reservation);
        return reservation.customerId() != null && orderStock.isCheckoutPseudonym(reservation.customerId())
                ? response.withoutCustomer()
                : response;
    }

    // the named warehouse only; else the default one first, then those with the most available
    private List<String> candidates(List<StockLevel> rows, String location) {
        if (location != null) {
            return List.of(location);
        }
        String preferred = properties.defaultLocation();
        return rows.stream()
                .sorted(Comparator.comparing((StockLevel row) -> !row.location().equals(preferred))
                        .thenComparing(
                                Comparator.comparingInt(StockLevel::available).reversed()))
                .map(StockLevel::location)
                .toList();
    }
}

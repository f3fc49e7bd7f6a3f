package com.agentfactory.inventory.stock;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

    /** Where a reservation holds stock, read without loading it, so the stock row can be locked first. */
    @Query("select new com.agentfactory.inventory.stock.ReservationPlace(r.sku, r.location)"
            + " from Reservation r where r.id = :id")
    Optional<ReservationPlace> placeOf(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id = :id")
    Optional<Reservation> lockById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.customerId = :customerId and r.sku = :sku and r.status = :status"
            + " order by r.createdAt, r.id")
    List<Reservation> lockByCustomer(UUID customerId, String sku, ReservationStatus status);

    /**
     * Locks at most {@code limit} active reservations expired by {@code now}, oldest expiry first, with their stock
     * rows; returns their ids. Skips those whose reservation or stock row another transaction holds: another instance
     * expiring them, or a checkout or order changing them, so instances share the due ones out instead of waiting on
     * each other's. Both rows are taken without waiting, so taking the reservation before its stock row (the other
     * paths take the stock row first) cannot deadlock.
     */
    @Query(nativeQuery = true, value = """
            SELECT r.id FROM stock_reservations r
            JOIN stock_levels s ON s.sku = r.sku AND s.location = r.location
            WHERE r.status = 'ACTIVE' AND r.expires_at <= :now
            ORDER BY r.expires_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """)
    List<UUID> claimDue(Instant now, int limit);

    /** At most {@code limit} reservations in {@code status} expired by {@code before}, oldest expiry first, unlocked. */
    @Query("select new com.agentfactory.inventory.stock.OverdueReservation(r.id, r.sku, r.location)"
            + " from Reservation r where r.status = :status and r.expiresAt <= :before order by r.expiresAt")
    List<OverdueReservation> findExpiredBy(ReservationStatus status, Instant before, Limit limit);

    /**
     * Claims the reservation for expiring it while this transaction lasts, without waiting; false when another
     * transaction holds the claim. An advisory lock, not the reservation's row lock: the other paths lock the stock
     * row before the reservation, so an expiry waiting for the stock row while holding the reservation's could
     * deadlock with them. Only the one-by-one expiry of overdue reservations takes it, and never waits for it.
     */
    @Query(
            nativeQuery = true,
            value = "SELECT pg_try_advisory_xact_lock(hashtextextended('inventory expiring reservation ' || :id, 0))")
    boolean tryClaimForExpiry(String id);

    /**
     * Deletes at most {@code limit} of the reservations released, expired or taken by an order before {@code cutoff},
     * oldest first, in a transaction of their own; returns how many. Rows another instance is deleting are skipped.
     */
    @Transactional
    @Modifying
    @Query(nativeQuery = true, value = """
            DELETE FROM stock_reservations WHERE id IN (
                SELECT id FROM stock_reservations
                WHERE status <> 'ACTIVE' AND closed_at < :cutoff ORDER BY closed_at
                LIMIT :limit FOR UPDATE SKIP LOCKED)
            """)
    int deleteClosedBefore(Instant cutoff, int limit);
}

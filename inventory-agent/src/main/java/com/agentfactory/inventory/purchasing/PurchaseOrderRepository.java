package com.agentfactory.inventory.purchasing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, UUID> {

    long countByStatus(PurchaseOrderStatus status);

    @Query("select count(p) > 0 from PurchaseOrder p join p.lines l"
            + " where l.sku = :sku and p.location = :location and p.status in :statuses")
    boolean existsWithSkuAtLocationAndStatusIn(String sku, String location, Collection<PurchaseOrderStatus> statuses);

    /** The suggestion a supplier's next SKU joins (at most one per supplier and location, by a unique index). */
    Optional<PurchaseOrder> findFirstBySupplierIdAndLocationAndStatus(
            UUID supplierId, String location, PurchaseOrderStatus status);

    /** Most urgent first: the fewest days of cover left beyond the lead time (negative: stock runs out first). */
    @Query(
            value = "select p from PurchaseOrder p where (:status is null or p.status = :status)"
                    + " and (:sku is null or exists (select 1 from p.lines l where l.sku = :sku))"
                    + " order by (coalesce(p.daysOfCover, 0) - p.leadTimeDays), p.createdAt desc, p.id",
            countQuery = "select count(p) from PurchaseOrder p where (:status is null or p.status = :status)"
                    + " and (:sku is null or exists (select 1 from p.lines l where l.sku = :sku))")
    Page<PurchaseOrder> search(PurchaseOrderStatus status, String sku, Pageable page);

    @Query("select p.id from PurchaseOrder p where p.budgetSettled = false and ((p.budgetReservationId is not null"
            + " and p.status in (com.agentfactory.inventory.purchasing.PurchaseOrderStatus.RECEIVED,"
            + " com.agentfactory.inventory.purchasing.PurchaseOrderStatus.CLOSED,"
            + " com.agentfactory.inventory.purchasing.PurchaseOrderStatus.CANCELLED))"
            + " or (p.budgetReleasePending = true"
            + " and p.status = com.agentfactory.inventory.purchasing.PurchaseOrderStatus.REJECTED))")
    List<UUID> awaitingBudgetSettlement();

    /**
     * Records a receipt's key and lines; 0 when the order already has a receipt under the key. A retry arriving while
     * the first attempt is still at work waits here for it: then it finds the key if that attempt committed.
     */
    @Modifying
    @Query(
            nativeQuery = true,
            value = "INSERT INTO purchase_order_receipts (purchase_order_id, idempotency_key, lines, received_at)"
                    + " VALUES (:orderId, :key, :lines, :at) ON CONFLICT DO NOTHING")
    int recordReceiptKey(UUID orderId, String key, String lines, Instant at);

    @Query(
            nativeQuery = true,
            value = "SELECT lines FROM purchase_order_receipts WHERE purchase_order_id = :orderId"
                    + " AND idempotency_key = :key")
    Optional<String> receiptLinesUnder(UUID orderId, String key);
}

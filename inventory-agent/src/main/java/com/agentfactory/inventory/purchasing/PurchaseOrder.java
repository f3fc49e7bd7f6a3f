package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An order of one SKU from one supplier. The only owner of its status: every move goes through {@link #move},
 * which checks the move is allowed and records who made it and why. The finance reservation key is fixed at
 * creation, so a reservation retried after a crash is the same reservation.
 */
@Entity
@Table(name = "purchase_orders")
class PurchaseOrder extends AssignedIdEntity {

    private UUID supplierId;
    private String sku;
    private String location;
    private int quantity;
    private int receivedQuantity;
    private BigDecimal unitCost;
    private String currency;
    private BigDecimal totalCost;

    @Enumerated(EnumType.STRING)
    private PurchaseOrderStatus status;

    private Double daysOfCover;
    private int leadTimeDays;
    private String budgetReservationKey;
    private UUID budgetReservationId;
    private boolean budgetSettled;

    @Version
    private long version;

    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_changes", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> changes = new ArrayList<>();

    protected PurchaseOrder() {}

    PurchaseOrder(
            UUID supplierId,
            String sku,
            String location,
            int quantity,
            BigDecimal unitCost,
            String currency,
            Double daysOfCover,
            int leadTimeDays,
            String actor,
            String reason,
            Instant now) {
        super(UUID.randomUUID());
        this.supplierId = supplierId;
        this.sku = sku;
        this.location = location;
        this.quantity = quantity;
        this.unitCost = unitCost;
        this.currency = currency;
        this.totalCost = unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
        this.daysOfCover = daysOfCover;
        this.leadTimeDays = leadTimeDays;
        this.budgetReservationKey = "purchase-order-" + getId();
        this.status = PurchaseOrderStatus.SUGGESTED;
        this.createdAt = now;
        this.updatedAt = now;
        changes.add(new StatusChange(null, PurchaseOrderStatus.SUGGESTED, actor, reason, now));
    }

    /** Approved with the finance reservation that holds its cost. */
    void approve(UUID reservationId, String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.APPROVED, actor, reason, now);
        this.budgetReservationId = reservationId;
    }

    void reject(String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.REJECTED, actor, reason, now);
    }

    void order(String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.ORDERED, actor, reason, now);
    }

    void cancel(String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.CANCELLED, actor, reason, now);
    }

    /** Records delivered units; the order is received once all have come. Returns whether it now is. */
    boolean receive(int units, String actor, Instant now) {
        if (status != PurchaseOrderStatus.ORDERED) {
            throw new PurchaseOrderStateException(status, PurchaseOrderStatus.RECEIVED);
        }
        receivedQuantity += units;
        updatedAt = now;
        if (receivedQuantity >= quantity) {
            move(PurchaseOrderStatus.RECEIVED, actor, receivedQuantity + " of " + quantity + " units delivered", now);
            return true;
        }
        return false;
    }

    /** Finance committed or released the reservation. */
    void budgetSettled(Instant now) {
        budgetSettled = true;
        updatedAt = now;
    }

    /** Received or cancelled with a reservation finance has not yet been told to commit or release. */
    boolean awaitsBudgetSettlement() {
        return budgetReservationId != null
                && !budgetSettled
                && (status == PurchaseOrderStatus.RECEIVED || status == PurchaseOrderStatus.CANCELLED);
    }

    /** Units still to come: what stays in transit. */
    int outstanding() {
        return Math.max(0, quantity - receivedQuantity);
    }

    private void move(PurchaseOrderStatus target, String actor, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new PurchaseOrderStateException(status, target);
        }
        changes.add(new StatusChange(status, target, actor, reason, now));
        status = target;
        updatedAt = now;
    }

    UUID supplierId() {
        return supplierId;
    }

    String sku() {
        return sku;
    }

    String location() {
        return location;
    }

    int quantity() {
        return quantity;
    }

    int receivedQuantity() {
        return receivedQuantity;
    }

    BigDecimal unitCost() {
        return unitCost;
    }

    String currency() {
        return currency;
    }

    BigDecimal totalCost() {
        return totalCost;
    }

    PurchaseOrderStatus status() {
        return status;
    }

    Double daysOfCover() {
        return daysOfCover;
    }

    int leadTimeDays() {
        return leadTimeDays;
    }

    String budgetReservationKey() {
        return budgetReservationKey;
    }

    UUID budgetReservationId() {
        return budgetReservationId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<StatusChange> changes() {
        return List.copyOf(changes);
    }
}

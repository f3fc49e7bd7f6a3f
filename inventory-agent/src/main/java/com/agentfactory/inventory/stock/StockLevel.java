package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One SKU at one warehouse. Available is what can still be promised: on hand minus what checkouts hold
 * (reserved) and what orders await picking (allocated). No count ever goes below zero; an order for more than
 * is available records the missing units as backordered instead. Allocated and in transit are kept for the
 * fulfilment step (nothing moves it yet, so it stays zero); in transit counts units ordered from suppliers.
 * A perishable row keeps the earliest expiry of the units received since it last ran empty: lots are not
 * tracked one by one, so the date errs early, which is the safe side for an expiry-risk alert.
 */
@Entity
@Table(name = "stock_levels")
class StockLevel extends AssignedIdEntity {

    private String sku;
    private String location;
    private int onHand;
    private int reserved;
    private int allocated;
    private int inTransit;
    private int backordered;
    private LocalDate expiresOn;
    private boolean initialStockTaken;
    private Instant createdAt;
    private Instant updatedAt;

    protected StockLevel() {}

    StockLevel(String sku, String location, int onHand, Instant now) {
        super(UUID.randomUUID());
        this.sku = sku;
        this.location = location;
        this.onHand = onHand;
        this.createdAt = now;
        this.updatedAt = now;
    }

    int available() {
        return onHand - reserved - allocated;
    }

    /** Ships what is available of {@code wanted}; returns how many units it took. */
    int ship(int wanted, Instant now) {
        int taken = Math.min(wanted, Math.max(0, available()));
        onHand -= taken;
        updatedAt = now;
        return taken;
    }

    /**
     * The order of the customer who held {@code held} units takes up to {@code wanted} of them; whatever of the
     * reservation the order did not need becomes available again.
     */
    int takeReserved(int held, int wanted, Instant now) {
        reserved -= held;
        int taken = Math.min(held, wanted);
        onHand -= taken;
        updatedAt = now;
        return taken;
    }

    void release(int held, Instant now) {
        reserved -= held;
        updatedAt = now;
    }

    void backorder(int units, Instant now) {
        backordered += units;
        updatedAt = now;
    }

    /** Units given back settle what is owed to customers first; the rest go back on the shelf. */
    void giveBack(int units, Instant now) {
        int owed = Math.min(units, backordered);
        backordered -= owed;
        onHand += units - owed;
        updatedAt = now;
    }

    /**
     * The product feed's stock quantity, for a row an order created before the feed came: it settles what that
     * order backordered and stocks the rest, once.
     */
    boolean takeInitialStock(int units, Instant now) {
        if (initialStockTaken) {
            return false;
        }
        initialStockTaken = true;
        giveBack(units, now);
        return true;
    }

    void orderFromSupplier(int units, Instant now) {
        inTransit += units;
        updatedAt = now;
    }

    /** Units the supplier will no longer deliver (a cancelled order). */
    void cancelFromSupplier(int units, Instant now) {
        inTransit = Math.max(0, inTransit - units);
        updatedAt = now;
    }

    /**
     * Units arrive from a supplier: they leave transit and settle backorders before going on the shelf;
     * {@code expiresOn} (perishables only) moves the row's expiry earlier when it is.
     */
    void receive(int units, LocalDate expiresOn, Instant now) {
        inTransit = Math.max(0, inTransit - units);
        if (onHand == 0) {
            this.expiresOn = null;
        }
        if (expiresOn != null && (this.expiresOn == null || expiresOn.isBefore(this.expiresOn))) {
            this.expiresOn = expiresOn;
        }
        giveBack(units, now);
    }

    boolean initialStockTaken() {
        return initialStockTaken;
    }

    LocalDate expiresOn() {
        return onHand > 0 ? expiresOn : null;
    }

    String sku() {
        return sku;
    }

    String location() {
        return location;
    }

    int onHand() {
        return onHand;
    }

    int reserved() {
        return reserved;
    }

    int allocated() {
        return allocated;
    }

    int inTransit() {
        return inTransit;
    }

    int backordered() {
        return backordered;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}

package com.agentfactory.inventory.promotion;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A SKU's price cut from one day until (not including) another, with who planned it and why. */
@Entity
@Table(name = "promotions")
class Promotion extends AssignedIdEntity {

    private String sku;
    private BigDecimal discountPercent;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String createdBy;
    private String reason;
    private Instant createdAt;
    private String cancelledBy;
    private Instant cancelledAt;
    private String cancelReason;
    private boolean cutShort;

    protected Promotion() {}

    Promotion(
            String sku,
            BigDecimal discountPercent,
            LocalDate startsOn,
            LocalDate endsOn,
            String createdBy,
            String reason,
            Instant now) {
        super(UUID.randomUUID());
        this.sku = sku;
        this.discountPercent = discountPercent;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdBy = createdBy;
        this.reason = reason;
        this.createdAt = now;
    }

    boolean cancelled() {
        return cancelledAt != null;
    }

    /** Whether the promotion runs on some day from {@code today} on: one that has ended cannot be called off. */
    boolean endedBefore(LocalDate today) {
        return !endsOn.isAfter(today);
    }

    /**
     * Calls the promotion off from {@code today}: one that has not started yet never runs; one that started ends
     * today, and the days it ran stay promotion days.
     */
    void cancel(String by, String why, Instant now, LocalDate today) {
        this.cancelledBy = by;
        this.cancelReason = why;
        this.cancelledAt = now;
        if (startsOn.isBefore(today)) {
            this.endsOn = today;
            this.cutShort = true;
        }
    }

    PlannedPromotion planned() {
        return new PlannedPromotion(getId(), discountPercent, startsOn, endsOn);
    }

    PromotionResponse response() {
        return new PromotionResponse(
                getId(),
                sku,
                discountPercent,
                startsOn,
                endsOn,
                createdBy,
                reason,
                createdAt,
                cancelledBy,
                cancelledAt,
                cancelReason,
                cutShort);
    }
}

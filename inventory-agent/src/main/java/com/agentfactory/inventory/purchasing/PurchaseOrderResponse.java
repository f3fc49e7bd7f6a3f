package com.agentfactory.inventory.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A purchase order, its lines and its history.
 *
 * @param sku the SKU when the order has one line, null when it has several (see {@code lines})
 * @param quantity units ordered over all lines
 * @param receivedQuantity units delivered so far over all lines
 * @param unitCost the line's unit cost when the order has one line, null when it has several
 * @param totalCost the sum of the lines' costs, what finance reserves at approval
 * @param daysOfCover days the available stock of its most urgent line lasts at the mean demand when it was
 *     suggested (null: no demand)
 * @param urgency days of cover minus the supplier's lead time: below zero, stock runs out before delivery
 */
record PurchaseOrderResponse(
        UUID id,
        UUID supplierId,
        String sku,
        String location,
        int quantity,
        int receivedQuantity,
        BigDecimal unitCost,
        BigDecimal totalCost,
        String currency,
        String status,
        Double daysOfCover,
        int leadTimeDays,
        double urgency,
        UUID budgetReservationId,
        Instant createdAt,
        Instant updatedAt,
        List<Line> lines,
        List<Change> history) {

    record Line(
            String sku,
            int quantity,
            int receivedQuantity,
            BigDecimal unitCost,
            BigDecimal totalCost,
            Double daysOfCover) {}

    record Change(String fromStatus, String toStatus, String actor, String reason, Instant at) {}

    static PurchaseOrderResponse of(PurchaseOrder order) {
        double cover = order.daysOfCover() == null ? 0 : order.daysOfCover();
        return new PurchaseOrderResponse(
                order.getId(),
                order.supplierId(),
                order.lines().size() == 1 ? order.lines().getFirst().sku() : null,
                order.location(),
                order.quantity(),
                order.receivedQuantity(),
                order.lines().size() == 1 ? order.lines().getFirst().unitCost() : null,
                order.totalCost(),
                order.currency(),
                name(order.status()),
                order.daysOfCover(),
                order.leadTimeDays(),
                Math.round((cover - order.leadTimeDays()) * 10) / 10.0,
                order.budgetReservationId(),
                order.createdAt(),
                order.updatedAt(),
                order.lines().stream()
                        .map(line -> new Line(
                                line.sku(),
                                line.quantity(),
                                line.receivedQuantity(),
                                line.unitCost(),
                                line.totalCost(),
                                line.daysOfCover()))
                        .toList(),
                order.changes().stream()
                        .map(change -> new Change(
                                change.fromStatus() == null ? null : name(change.fromStatus()),
                                name(change.toStatus()),
                                change.actor(),
                                change.reason(),
                                change.changedAt()))
                        .toList());
    }

    private static String name(PurchaseOrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.RuleViolationException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An order of one or more SKUs (its lines) from one supplier for one location. The only owner of its status:
 * every move goes through {@link #move}, which checks the move is allowed and records who made it and why. Lines
 * are added only while it is a suggestion, and approval checks that the reservation still covers them, so the cost
 * finance reserved is the cost of what is ordered. The finance reservation key follows the lines, so a reservation
 * retried after a crash is the same reservation and one retried after a line joined is a new one.
 */
@Entity
@Table(name = "purchase_orders")
class PurchaseOrder extends AssignedIdEntity {

    // what purchase_orders.total_cost, NUMERIC(16,2), can hold
    static final BigDecimal LARGEST_TOTAL_COST = new BigDecimal("99999999999999.99");

    private UUID supplierId;
    private String location;
    private String currency;
    private BigDecimal totalCost;

    @Enumerated(EnumType.STRING)
    private PurchaseOrderStatus status;

    private Double daysOfCover;
    private int leadTimeDays;
    private String budgetReservationKey;
    private UUID budgetReservationId;
    private boolean budgetSettled;
    private boolean budgetReleasePending;

    @Version
    private long version;

    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_lines", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @OrderColumn(name = "position")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "purchase_order_changes", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> changes = new ArrayList<>();

    protected PurchaseOrder() {}

    /** A suggestion with its first line; more SKUs of the same supplier join it through {@link #addLine}. */
    PurchaseOrder(
            UUID supplierId,
            String location,
            String currency,
            int leadTimeDays,
            PurchaseOrderLine first,
            String actor,
            String reason,
            Instant now) {
        super(UUID.randomUUID());
        this.supplierId = supplierId;
        this.location = location;
        this.currency = currency;
        this.leadTimeDays = leadTimeDays;
        this.totalCost = BigDecimal.ZERO.setScale(2);
        this.budgetReservationKey = "purchase-order-" + getId();
        this.status = PurchaseOrderStatus.SUGGESTED;
        this.createdAt = now;
        this.updatedAt = now;
        changes.add(new StatusChange(null, PurchaseOrderStatus.SUGGESTED, actor, reason, now));
        add(first);
    }

    /**
     * Another SKU of the same supplier, while the order is still a suggestion: after approval the reserved cost
     * would no longer cover it. The reason is recorded in the history without a status move.
     */
    void addLine(PurchaseOrderLine line, String actor, String reason, Instant now) {
        if (status != PurchaseOrderStatus.SUGGESTED) {
            throw new PurchaseOrderStateException("a " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + " purchase order takes no more lines: suggest a new one");
        }
        if (line(line.sku()).isPresent()) {
            throw RuleViolationException.of("lines", "SKU " + line.sku() + " is already on purchase order " + getId());
        }
        add(line);
        changes.add(new StatusChange(status, status, actor, reason, now));
        updatedAt = now;
    }

    private void add(PurchaseOrderLine line) {
        BigDecimal total = totalCost.add(line.totalCost());
        if (total.compareTo(LARGEST_TOTAL_COST) > 0) {
            throw RuleViolationException.of(
                    "lines",
                    line.quantity() + " x " + line.sku() + " at " + line.unitCost() + " " + currency
                            + " would bring the order to " + total + ", more than one purchase order holds ("
                            + LARGEST_TOTAL_COST + "): order fewer units");
        }
        lines.add(line);
        totalCost = total;
        if (line.daysOfCover() != null && (daysOfCover == null || line.daysOfCover() < daysOfCover)) {
            daysOfCover = line.daysOfCover(); // the order is as urgent as its most urgent line
        }
    }

    /**
     * Approved with the finance reservation that holds its cost. Refused when the order is no longer what was
     * reserved for: a line joined it while finance was being asked, and the reservation would not cover it.
     */
    void approve(UUID reservationId, BudgetRequest reserved, String actor, String reason, Instant now) {
        if (status == PurchaseOrderStatus.SUGGESTED && !covers(reserved)) {
            throw new PurchaseOrderStateException("purchase order " + getId() + " changed while its budget was"
                    + " reserved: it now has " + lines.size() + " lines costing " + totalCost + " " + currency
                    + " but " + reserved.amount() + " " + reserved.currency() + " was reserved; approve it again");
        }
        move(PurchaseOrderStatus.APPROVED, actor, reason, now);
        this.budgetReservationId = reservationId;
    }

    private boolean covers(BudgetRequest reserved) {
        return reserved.key().equals(budgetRequest().key())
                && reserved.currency().equals(currency)
                && reserved.amount().compareTo(totalCost) == 0;
    }

    /**
     * What finance is asked to reserve for the order as it is now. Lines are only ever added, never changed, so
     * the key names the number of lines: a retry of the same order gets the same reservation, and a retry after a
     * line joined asks under a new key instead of reusing the old one for a different amount.
     */
    BudgetRequest budgetRequest() {
        return budgetRequestFor(lines.size());
    }

    /**
     * The request of an earlier attempt for fewer lines than the order has now: finance may hold a reservation
     * under it whose answer never came back, which nothing would ever release.
     */
    Optional<BudgetRequest> supersededBudgetRequest() {
        return lastBudgetRequest()
                .filter(request -> !request.key().equals(budgetRequest().key()));
    }

    /** The request finance was last asked, whether or not its answer came back; empty when finance never was. */
    Optional<BudgetRequest> lastBudgetRequest() {
        String prefix = baseReservationKey() + "-";
        if (!budgetReservationKey.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(budgetRequestFor(Integer.parseInt(budgetReservationKey.substring(prefix.length()))));
    }

    /**
     * Finance is about to be asked for this reservation: remembered so that it can be released if superseded. The
     * same request twice changes nothing, so that it does not turn a concurrent approval of the same lines into a
     * conflict.
     */
    void budgetRequested(BudgetRequest request, Instant now) {
        if (status != PurchaseOrderStatus.SUGGESTED) {
            throw new PurchaseOrderStateException(status, PurchaseOrderStatus.APPROVED);
        }
        if (request.key().equals(budgetReservationKey)) {
            return;
        }
        budgetReservationKey = request.key();
        updatedAt = now;
    }

    private BudgetRequest budgetRequestFor(int lineCount) {
        List<PurchaseOrderLine> counted = lines.subList(0, lineCount);
        BigDecimal amount =
                counted.stream().map(PurchaseOrderLine::totalCost).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new BudgetRequest(
                baseReservationKey() + "-" + lineCount, amount, currency, BudgetRequest.purpose(getId(), counted));
    }

    private String baseReservationKey() {
        return "purchase-order-" + getId();
    }

    /**
     * A suggestion finance was asked about may have a reservation there whose answer never came back: that one is
     * to be given back ({@link #awaitsBudgetSettlement}), as nothing will ever spend it.
     */
    void reject(String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.REJECTED, actor, reason, now);
        budgetReleasePending = lastBudgetRequest().isPresent();
    }

    void order(String actor, String reason, Instant now) {
        move(PurchaseOrderStatus.ORDERED, actor, reason, now);
    }

    /**
     * Refused once any unit has been delivered: the delivered units are an expense finance has to book, which
     * releasing the whole reservation would lose.
     */
    void cancel(String actor, String reason, Instant now) {
        if (status == PurchaseOrderStatus.ORDERED && receivedQuantity() > 0) {
            throw new PurchaseOrderStateException("purchase order " + getId() + " cannot be cancelled: "
                    + receivedQuantity() + " of its " + quantity() + " units have been delivered already and"
                    + " their cost has to be booked; receive the rest, or close it short if the rest will not come");
        }
        move(PurchaseOrderStatus.CANCELLED, actor, reason, now);
    }

    /**
     * Ends a placed order delivered in part whose rest will not come: its outstanding units are no longer awaited,
     * and finance is to book what was delivered ({@link #deliveredExpense}) instead of the whole reservation. An
     * order nothing of which was delivered is cancelled instead, so that no expense of nothing is booked.
     */
    void closeShort(String actor, String reason, Instant now) {
        if (status == PurchaseOrderStatus.ORDERED && receivedQuantity() == 0) {
            throw new PurchaseOrderStateException("purchase order " + getId() + " cannot be closed short: none of its "
                    + quantity() + " units have been delivered; cancel it");
        }
        move(
                PurchaseOrderStatus.CLOSED,
                actor,
                reason + " (closed short: " + receivedQuantity() + " of " + quantity() + " units delivered)",
                now);
    }

    /**
     * What finance books for an order closed short: the cost of the units delivered, on the day it was closed, under
     * a key of its own (finance reserves no partial commit, so the reservation is released and this booked instead).
     * Empty for any other order, and for one whose delivered units cost less than finance books.
     */
    Optional<DeliveredExpense> deliveredExpense() {
        if (status != PurchaseOrderStatus.CLOSED) {
            return Optional.empty();
        }
        BigDecimal delivered = lines.stream()
                .map(line -> line.unitCost()
                        .multiply(BigDecimal.valueOf(line.receivedQuantity()))
                        .setScale(2, java.math.RoundingMode.HALF_UP))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (delivered.signum() == 0) {
            return Optional.empty();
        }
        StatusChange closed = changes.getLast();
        return Optional.of(new DeliveredExpense(
                baseReservationKey() + "-delivered",
                delivered,
                currency,
                "purchase order " + getId() + " closed short: " + receivedQuantity() + " of " + quantity()
                        + " units delivered",
                closed.actor(),
                java.time.LocalDate.ofInstant(closed.changedAt(), java.time.ZoneOffset.UTC)));
    }

    /**
     * Records a delivery of units per SKU; the order is received once every line has all its units. Refuses the
     * whole delivery, before recording any of it, when a SKU is not on the order or brings more than is still
     * outstanding. Returns whether the order is now received.
     */
    boolean receive(Map<String, Integer> units, String actor, Instant now) {
        if (status != PurchaseOrderStatus.ORDERED) {
            throw new PurchaseOrderStateException(status, PurchaseOrderStatus.RECEIVED);
        }
        units.forEach((sku, quantity) -> {
            PurchaseOrderLine line = line(sku)
                    .orElseThrow(() -> InvalidInputException.of(
                            "lines",
                            "purchase order " + getId() + " has no line for SKU " + sku + " (its SKUs: "
                                    + String.join(", ", skus()) + ")"));
            if (quantity > line.outstanding()) {
                throw RuleViolationException.of(
                        "lines",
                        quantity + " units of " + sku + " delivered but only " + line.outstanding()
                                + " are outstanding");
            }
        });
        units.forEach((sku, quantity) -> line(sku).orElseThrow().received(quantity));
        updatedAt = now;
        if (lines.stream().allMatch(PurchaseOrderLine::complete)) {
            move(
                    PurchaseOrderStatus.RECEIVED,
                    actor,
                    receivedQuantity() + " of " + quantity() + " units delivered",
                    now);
            return true;
        }
        return false;
    }

    /** Approved by the agent and not yet placed: the agent's to place. */
    boolean awaitsPlacementByTheAgent() {
        return status == PurchaseOrderStatus.APPROVED
                && changes.getLast().actor().equals(PurchaseOrders.AGENT);
    }

    /** Finance committed or released the reservation. */
    void budgetSettled(Instant now) {
        budgetSettled = true;
        updatedAt = now;
    }

    /**
     * Received, closed short or cancelled with a reservation finance has not yet been told to settle, or rejected
     * after finance was asked and not yet told to give back what it may hold.
     */
    boolean awaitsBudgetSettlement() {
        if (budgetSettled) {
            return false;
        }
        return switch (status) {
            case RECEIVED, CLOSED, CANCELLED -> budgetReservationId != null;
            case REJECTED -> budgetReleasePending;
            case SUGGESTED, APPROVED, ORDERED -> false;
        };
    }

    /** Units still to come: what stays in transit. */
    int outstanding() {
        return lines.stream().mapToInt(PurchaseOrderLine::outstanding).sum();
    }

    Optional<PurchaseOrderLine> line(String sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    List<String> skus() {
        return lines.stream().map(PurchaseOrderLine::sku).toList();
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

    String location() {
        return location;
    }

    /** Units ordered over all lines. */
    int quantity() {
        return lines.stream().mapToInt(PurchaseOrderLine::quantity).sum();
    }

    int receivedQuantity() {
        return lines.stream().mapToInt(PurchaseOrderLine::receivedQuantity).sum();
    }

    List<PurchaseOrderLine> lines() {
        return List.copyOf(lines);
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

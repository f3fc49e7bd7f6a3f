package com.agentfactory.inventory.purchasing;

import com.agentfactory.inventory.replenishment.ReorderPlan;
import com.agentfactory.inventory.replenishment.ReplenishmentPlanner;
import com.agentfactory.inventory.replenishment.Supplier;
import com.agentfactory.inventory.replenishment.Suppliers;
import com.agentfactory.inventory.stock.InventoryProperties;
import com.agentfactory.inventory.stock.StockPosition;
import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.DomainException;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.finance.BudgetExpenseRequest;
import com.agentfactory.messaging.finance.BudgetReservationRequest;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.time.YearRange;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suggests, approves, places and receives purchase orders. Calls to finance happen between transactions, never
 * inside one: an approval reserves under a key that follows the order's lines and then records the reservation if
 * the order is still what was reserved for, so a crash in between is repaired by approving again (same key, same
 * reservation) and a reservation the order outgrew is released; a receipt or cancellation is recorded
 * first and finance told after, and {@link #settleBudgets} retries whatever finance has not yet heard.
 */
@Service
public class PurchaseOrders {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrders.class);
    private static final EnumSet<PurchaseOrderStatus> OPEN =
            EnumSet.of(PurchaseOrderStatus.SUGGESTED, PurchaseOrderStatus.APPROVED);
    static final String AGENT = "agent:inventory-agent";
    private static final int FURTHEST_EXPIRY_YEARS = 10;
    // finance's bounds on one reservation's amount
    static final BigDecimal FINANCE_MINIMUM = new BigDecimal("0.01");
    static final BigDecimal FINANCE_MAXIMUM = new BigDecimal("1000000.00");

    private final PurchaseOrderRepository orders;
    private final ReplenishmentPlanner planner;
    private final Suppliers suppliers;
    private final StockService stock;
    private final BudgetPort budget;
    private final InventoryProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    // the orders whose settlement finance refused and a person was told of
    private final Set<UUID> refusalsReported = ConcurrentHashMap.newKeySet();

    PurchaseOrders(
            PurchaseOrderRepository orders,
            ReplenishmentPlanner planner,
            Suppliers suppliers,
            StockService stock,
            BudgetPort budget,
            InventoryProperties properties,
            TransactionTemplate transaction,
            JdbcTemplate jdbc,
            Clock clock) {
        this.orders = orders;
        this.planner = planner;
        this.suppliers = suppliers;
        this.stock = stock;
        this.budget = budget;
        this.properties = properties;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Recomputes the reorder plans of each SKU, one per warehouse, and suggests an order for a warehouse where its
     * available plus in-transit stock, less what it owes customers, is below its reorder point and no order of the
     * SKU for that warehouse is open yet. Running it twice suggests nothing new.
     */
    SuggestReordersResponse suggest(SuggestReordersRequest request) {
        List<String> skus = request.skus().isEmpty()
                ? stock.stockedSkus()
                : request.skus().stream().distinct().toList();
        Set<UUID> suggestedIds = new LinkedHashSet<>();
        List<String> withoutSupplier = new ArrayList<>();
        int planned = 0;
        for (String sku : skus) {
            var plans = planner.plan(sku);
            if (plans.isEmpty()) {
                withoutSupplier.add(sku);
                continue;
            }
            planned++;
            for (ReorderPlan plan : plans) {
                retryingOnce(() -> transaction.execute(status -> suggestFor(plan)))
                        .ifPresent(order -> suggestedIds.add(order.getId()));
            }
        }
        // several SKUs of one supplier share one suggestion: each order once, with all the lines it now has
        List<PurchaseOrderResponse> suggested = new ArrayList<>(orders.findAllById(suggestedIds).stream()
                .map(PurchaseOrderResponse::of)
                .toList());
        suggested.sort(Comparator.comparingDouble(PurchaseOrderResponse::urgency));
        return new SuggestReordersResponse(planned, suggested, withoutSupplier);
    }

    /** The number of suggestions made, one at most per warehouse; for the daily batch. */
    public int suggestFor(String sku) {
        int suggested = 0;
        for (ReorderPlan plan : planner.plan(sku)) {
            try {
                suggested += retryingOnce(() -> transaction.execute(status -> suggestFor(plan)))
                                .isPresent()
                        ? 1
                        : 0;
            } catch (RuleViolationException | OptimisticLockingFailureException | DataIntegrityViolationException e) {
                // a suggestion no order can hold, or one a person's change kept colliding with, is left to a person
                // or the next run; the run goes on with the other SKUs
                log.warn("SKU {} at {}: no suggestion: {}", sku, plan.location(), e.getMessage());
            }
        }
        return suggested;
    }

    /**
     * Suggests the SKU's order quantity for the plan's warehouse: a line on its supplier's open suggestion for that
     * warehouse, or a new suggestion when the supplier has none. Empty when the SKU is on an open order for the
     * warehouse already or the warehouse is not below its reorder point.
     */
    private java.util.Optional<PurchaseOrder> suggestFor(ReorderPlan plan) {
        String location = plan.location();
        lockOpenOrdersOf(List.of(plan.sku()), location);
        if (orders.existsWithSkuAtLocationAndStatusIn(plan.sku(), location, OPEN)) {
            return java.util.Optional.empty();
        }
        List<StockPosition> positions = stock.positionsOf(plan.sku()).stream()
                .filter(held -> held.location().equals(location))
                .toList();
        int available = positions.stream().mapToInt(StockPosition::available).sum();
        int inTransit = positions.stream().mapToInt(StockPosition::inTransit).sum();
        int owed = positions.stream().mapToInt(StockPosition::backordered).sum();
        int position = available + inTransit - owed;
        boolean belowReorderPoint = position < plan.reorderPoint() || (plan.reorderPoint() == 0 && position <= 0);
        if (!belowReorderPoint) {
            return java.util.Optional.empty();
        }
        Supplier supplier = suppliers.require(plan.supplierId());
        int quantity = ReplenishmentPlanner.orderQuantity(plan, supplier, plan.reorderPoint() - position);
        Double daysOfCover = plan.meanDailyDemand() > 0
                ? Math.round(Math.max(0, available) / plan.meanDailyDemand() * 10) / 10.0
                : null;
        String reason = String.format(
                Locale.ROOT,
                "stock position %d at %s below reorder point %d (mean %.2f/day, lead time %d days, safety stock %d)",
                position,
                location,
                plan.reorderPoint(),
                plan.meanDailyDemand(),
                plan.leadTimeDays(),
                plan.safetyStock());
        var line = new PurchaseOrderLine(plan.sku(), quantity, supplier.unitCost(), daysOfCover);
        var open = orders.findFirstBySupplierIdAndLocationAndStatus(
                supplier.getId(), location, PurchaseOrderStatus.SUGGESTED);
        if (open.isPresent()) {
            PurchaseOrder order = open.get();
            order.addLine(line, AGENT, plan.sku() + ": " + reason, clock.instant());
            return java.util.Optional.of(orders.save(order));
        }
        return java.util.Optional.of(orders.save(new PurchaseOrder(
                supplier.getId(),
                location,
                supplier.currency(),
                plan.leadTimeDays(),
                line,
                AGENT,
                plan.sku() + ": " + reason,
                clock.instant())));
    }

    /**
     * A person's draft: administrators and marketing managers, for a configured warehouse (the default one when
     * none is named). Its lines join the supplier's open suggestion for that warehouse when there is one (one
     * suggestion per supplier and warehouse), else they start a new suggestion; approval, ordering and receipt then
     * go as for the agent's suggestions. A SKU the supplier does not supply, named twice
     * or already on an open order is refused before anything is stored.
     */
    PurchaseOrderResponse draft(CreatePurchaseOrderRequest request, Caller caller) {
        requireBuyer(caller, "drafts");
        Supplier supplier = suppliers
                .findById(request.supplierId())
                .orElseThrow(() -> RuleViolationException.of("supplier_id", "no supplier " + request.supplierId()));
        String location = request.location() == null ? properties.defaultLocation() : request.location();
        if (!properties.locations().contains(location)) {
            throw RuleViolationException.of("location", "not a known warehouse: " + properties.locations());
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            String sku = request.lines().get(i).sku();
            String field = "lines[" + i + "].sku";
            if (!seen.add(sku)) {
                throw InvalidInputException.of(field, "SKU " + sku + " is named twice: one line per SKU");
            }
            if (!supplier.skus().contains(sku)) {
                throw InvalidInputException.of(field, supplier.name() + " does not supply SKU " + sku);
            }
        }
        return retryingOnce(() -> transaction.execute(status -> {
            lockOpenOrdersOf(request.lines().stream().map(line -> line.sku()).toList(), location);
            for (var line : request.lines()) {
                if (orders.existsWithSkuAtLocationAndStatusIn(line.sku(), location, OPEN)) {
                    throw new PurchaseOrderStateException(
                            "SKU " + line.sku() + " is already on an open purchase order for " + location);
                }
            }
            String actor = caller.actorName();
            var lines = request.lines().stream()
                    .map(line -> new PurchaseOrderLine(line.sku(), line.quantity(), supplier.unitCost(), null))
                    .toList();
            var open = orders.findFirstBySupplierIdAndLocationAndStatus(
                    supplier.getId(), location, PurchaseOrderStatus.SUGGESTED);
            PurchaseOrder order;
            int from;
            if (open.isPresent()) {
                order = open.get();
                from = 0;
            } else {
                order = new PurchaseOrder(
                        supplier.getId(),
                        location,
                        supplier.currency(),
                        supplier.leadTimeDays(),
                        lines.getFirst(),
                        actor,
                        request.reason(),
                        clock.instant());
                from = 1;
            }
            for (var line : lines.subList(from, lines.size())) {
                order.addLine(line, actor, request.reason(), clock.instant());
            }
            return PurchaseOrderResponse.of(orders.save(order));
        }));
    }

    /**
     * Waits for any other transaction putting one of these SKUs on an open order for the warehouse; released at
     * commit. Checking that a SKU is on no open order and then adding it is otherwise a race that a draft and a
     * suggestion from different suppliers both win, leaving the SKU on two orders. A PostgreSQL advisory lock, as
     * what is locked is a SKU's place on an order that may not exist yet; taken in name order, so two drafts
     * sharing SKUs cannot deadlock.
     */
    private void lockOpenOrdersOf(List<String> skus, String location) {
        for (String sku : skus.stream().distinct().sorted().toList()) {
            jdbc.query(
                    "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                    (RowCallbackHandler) row -> {},
                    "purchase-orders:" + location + ":" + sku);
        }
    }

    /**
     * Runs {@code work} again once when it collided with a concurrent change: two first lines of the same
     * supplier both starting its one open suggestion (the second is refused by the unique index), or both joining
     * it at once (the second is refused by its version). The second attempt sees the first's commit and joins it.
     */
    private static <T> T retryingOnce(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            log.info("purchase order changed concurrently, trying again: {}", e.getMessage());
            return work.get();
        }
    }

    /** A person's approval: administrators and marketing managers; reserves the cost with finance. */
    PurchaseOrderResponse approve(UUID id, String reason, Caller caller) {
        requireBuyer(caller, "approves");
        return approve(id, reason, caller.actorName());
    }

    /**
     * The agent's own approval: only an order within the auto-approval limit, in the limit's currency; the
     * finance reservation still has to fit the budget, so the agent never spends more than it was given.
     */
    PurchaseOrderResponse approveAutomatically(UUID id, String reason) {
        PurchaseOrder order = find(id);
        var policy = properties.replenishment();
        if (!order.currency().equals(policy.currency()) || order.totalCost().compareTo(policy.autoApproveLimit()) > 0) {
            throw new NotPermittedException("purchase order " + id + " costs " + order.totalCost() + " "
                    + order.currency() + ", above the agent's approval limit of " + policy.autoApproveLimit() + " "
                    + policy.currency() + ": a person has to approve it");
        }
        return approve(id, reason, AGENT);
    }

    private PurchaseOrderResponse approve(UUID id, String reason, String actor) {
        PurchaseOrder order = find(id);
        if (order.status() != PurchaseOrderStatus.SUGGESTED) {
            throw new PurchaseOrderStateException(order.status(), PurchaseOrderStatus.APPROVED);
        }
        BudgetRequest request = order.budgetRequest();
        requireReservable(order, request);
        String department = properties.replenishment().budgetDepartment();
        var superseded = order.supersededBudgetRequest();
        if (superseded.isPresent()) {
            giveBack(department, superseded.get(), actor);
        }
        if (!request.key().equals(order.budgetReservationKey())) {
            transaction.executeWithoutResult(status -> {
                PurchaseOrder current = find(id);
                current.budgetRequested(request, clock.instant());
                orders.save(current);
            });
        }
        var reservation = budget.reserve(new BudgetReservationRequest(
                department, request.key(), request.amount(), request.currency(), request.purpose(), actor));
        return switch (reservation) {
            case BudgetPort.Reservation.Refused refused -> throw new BudgetRefusedException(refused.reason());
            case BudgetPort.Reservation.Reserved reserved -> approveWith(id, request, reserved.id(), actor, reason);
        };
    }

    /**
     * Records the approval, unless the order changed while finance was asked (a line joined it, or it was
     * approved or rejected meanwhile): then the reservation goes back, as nothing would ever spend it.
     */
    private PurchaseOrderResponse approveWith(
            UUID id, BudgetRequest request, UUID reservationId, String actor, String reason) {
        try {
            return transaction.execute(status -> {
                PurchaseOrder current = find(id);
                current.approve(reservationId, request, actor, reason, clock.instant());
                return PurchaseOrderResponse.of(orders.save(current));
            });
        } catch (PurchaseOrderStateException | OptimisticLockingFailureException e) {
            // a concurrent approval under the same key holds this very reservation: that one is kept
            if (!reservationId.equals(find(id).budgetReservationId())) {
                releaseUnused(reservationId);
            }
            throw e;
        }
    }

    private void releaseUnused(UUID reservationId) {
        try {
            budget.release(properties.replenishment().budgetDepartment(), reservationId);
        } catch (FinanceUnavailableException | FinanceRejectedException e) {
            // the order remembers the key it was asked under: the next approval releases it again
            log.warn("reservation {} not released yet: {}", reservationId, e.getMessage());
        }
    }

    /**
     * Releases what finance may hold for an earlier attempt whose answer was lost before a line joined the order or
     * the order was rejected: asking again under its key with its request gives back that reservation, or none if it
     * was never made.
     */
    private void giveBack(String department, BudgetRequest superseded, String actor) {
        var earlier = budget.reserve(new BudgetReservationRequest(
                department, superseded.key(), superseded.amount(), superseded.currency(), superseded.purpose(), actor));
        if (earlier instanceof BudgetPort.Reservation.Reserved held) {
            budget.release(department, held.id());
        }
    }

    /** Finance refuses amounts outside these bounds as unreadable requests: told here, before asking. */
    private static void requireReservable(PurchaseOrder order, BudgetRequest request) {
        if (request.amount().compareTo(FINANCE_MINIMUM) < 0 || request.amount().compareTo(FINANCE_MAXIMUM) > 0) {
            throw RuleViolationException.of(
                    "total_cost",
                    "purchase order " + order.getId() + " costs " + request.amount() + " " + request.currency()
                            + ", outside what finance reserves at once (" + FINANCE_MINIMUM + " to "
                            + FINANCE_MAXIMUM + "): split it into smaller orders or reject it");
        }
    }

    /** A suggestion is not wanted; whatever finance may hold for an earlier approval of it is given back. */
    PurchaseOrderResponse reject(UUID id, String reason, Caller caller) {
        requireBuyer(caller, "rejects");
        PurchaseOrderResponse rejected = transaction.execute(status -> {
            PurchaseOrder order = find(id);
            order.reject(caller.actorName(), reason, clock.instant());
            return PurchaseOrderResponse.of(orders.save(order));
        });
        settleBudget(id);
        return find(id, rejected);
    }

    /** Sent to the supplier: its units are in transit from now on. */
    PurchaseOrderResponse order(UUID id, String reason, Caller caller) {
        requireBuyer(caller, "places");
        return placeOrder(id, reason, caller.actorName());
    }

    PurchaseOrderResponse placeOrder(UUID id, String reason, String actor) {
        return transaction.execute(status -> {
            PurchaseOrder order = find(id);
            order.order(actor, reason, clock.instant());
            for (PurchaseOrderLine line : inSkuOrder(order.lines())) {
                stock.orderedFromSupplier(line.sku(), order.location(), line.quantity());
            }
            return PurchaseOrderResponse.of(orders.save(order));
        });
    }

    /** Cancels an approved or placed order; units no longer coming leave transit and the reservation is released. */
    PurchaseOrderResponse cancel(UUID id, String reason, Caller caller) {
        requireBuyer(caller, "cancels");
        PurchaseOrderResponse cancelled = transaction.execute(status -> {
            PurchaseOrder order = find(id);
            boolean wasOrdered = order.status() == PurchaseOrderStatus.ORDERED;
            order.cancel(caller.actorName(), reason, clock.instant());
            if (wasOrdered) {
                for (PurchaseOrderLine line : inSkuOrder(order.lines())) {
                    if (line.outstanding() > 0) {
                        stock.supplierOrderCancelled(line.sku(), order.location(), line.outstanding());
                    }
                }
            }
            return PurchaseOrderResponse.of(orders.save(order));
        });
        settleBudget(id);
        return find(id, cancelled);
    }

    /**
     * Closes short a placed order delivered in part whose rest will not come: the undelivered units leave transit,
     * so the next suggestion counts on only what did come, and finance releases the reservation and books the
     * delivered units' cost instead.
     */
    PurchaseOrderResponse closeShort(UUID id, String reason, Caller caller) {
        requireBuyer(caller, "closes");
        PurchaseOrderResponse closed = transaction.execute(status -> {
            PurchaseOrder order = find(id);
            order.closeShort(caller.actorName(), reason, clock.instant());
            for (PurchaseOrderLine line : inSkuOrder(order.lines())) {
                if (line.outstanding() > 0) {
                    stock.supplierOrderCancelled(line.sku(), order.location(), line.outstanding());
                }
            }
            return PurchaseOrderResponse.of(orders.save(order));
        });
        settleBudget(id);
        return find(id, closed);
    }

    /**
     * A delivery: its units go on hand and leave transit. The order that is complete with it is received and its
     * reservation committed with finance: the expense. Under the client's idempotency key (none: null) a repeat of a
     * receipt recorded under the key, with the same lines, answers the order as it stands and receives nothing; the
     * key with other lines is refused.
     */
    PurchaseOrderResponse receive(UUID id, ReceivePurchaseOrderRequest request, String idempotencyKey, Caller caller) {
        requireReceiver(caller);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < request.lines().size(); i++) {
            LocalDate expiresOn = request.lines().get(i).expiresOn();
            String field = "lines[" + i + "].expires_on";
            // the store's bound holds whatever day today is; within it, a shelf life is months or a few years, and a
            // date beyond this is a typing error
            YearRange.RECORDS.requireContains(field, expiresOn, RuleViolationException::of);
            if (expiresOn != null
                    && (expiresOn.isBefore(today.minusYears(FURTHEST_EXPIRY_YEARS))
                            || expiresOn.isAfter(today.plusYears(FURTHEST_EXPIRY_YEARS)))) {
                throw RuleViolationException.of(field, "must be within " + FURTHEST_EXPIRY_YEARS + " years of today");
            }
        }
        PurchaseOrderResponse received = transaction.execute(status -> {
            PurchaseOrder order = find(id);
            if (idempotencyKey != null && !firstReceiptUnder(order, idempotencyKey, request)) {
                return PurchaseOrderResponse.of(order);
            }
            Map<String, Integer> units = new LinkedHashMap<>();
            for (var line : request.lines()) {
                units.merge(line.sku(), line.quantity(), Integer::sum);
            }
            order.receive(units, caller.actorName(), clock.instant());
            for (var line : request.lines().stream()
                    .sorted(Comparator.comparing(ReceivePurchaseOrderRequest.Line::sku))
                    .toList()) {
                stock.receivedFromSupplier(line.sku(), order.location(), line.quantity(), line.expiresOn());
            }
            return PurchaseOrderResponse.of(orders.save(order));
        });
        settleBudget(id);
        return find(id, received);
    }

    /**
     * Tells finance about every received, closed, cancelled or rejected order it has not yet heard of (commit,
     * release, release and the delivered part's expense, or give back what an approval may have left; all harmless
     * twice). An order whose settlement finance refuses is logged for a person and the others still settle.
     * Returns how many were settled.
     */
    public int settleBudgets() {
        int settled = 0;
        for (UUID id : orders.awaitingBudgetSettlement()) {
            if (settleBudget(id)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settleBudget(UUID id) {
        PurchaseOrder order = find(id);
        if (!order.awaitsBudgetSettlement()) {
            return false;
        }
        String department = properties.replenishment().budgetDepartment();
        try {
            if (order.status() == PurchaseOrderStatus.RECEIVED) {
                budget.commit(department, order.budgetReservationId());
            } else if (order.status() == PurchaseOrderStatus.REJECTED) {
                // the approval's answer may have been lost: only asking again under its key finds that reservation
                var asked = order.lastBudgetRequest();
                if (asked.isPresent()) {
                    giveBack(department, asked.get(), AGENT);
                }
            } else {
                // released before the delivered part is booked, so the budget never counts that money twice
                budget.release(department, order.budgetReservationId());
                var delivered = order.deliveredExpense();
                if (delivered.isPresent()) {
                    var expense = delivered.get();
                    budget.recordExpense(new BudgetExpenseRequest(
                            department,
                            expense.key(),
                            expense.amount(),
                            expense.currency(),
                            expense.purpose(),
                            expense.requestedBy(),
                            expense.spentOn()));
                }
            }
        } catch (FinanceUnavailableException e) {
            // recorded here; the daily batch settles it once finance answers again
            log.warn("purchase order {}: finance not told yet: {}", id, e.getMessage());
            return false;
        } catch (FinanceRejectedException e) {
            // the receipt or cancellation stands; finance's refusal needs a person, and the other orders still settle.
            // Nothing on the order records that it was handed over, so every sweep asks again: a person is called
            // once per order (per instance), and the sweeps after note it quietly
            if (refusalsReported.add(id)) {
                log.error("purchase order {}: finance refused to settle its reservation: {}", id, e.getMessage());
            } else {
                log.info("purchase order {}: finance still refuses to settle its reservation", id);
            }
            return false;
        }
        refusalsReported.remove(id);
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                PurchaseOrder current = find(id);
                if (!current.awaitsBudgetSettlement()) {
                    return false;
                }
                current.budgetSettled(clock.instant());
                orders.save(current);
                return true;
            }));
        } catch (OptimisticLockingFailureException e) {
            // the request that closed the order and the sweep both told finance (harmless twice) and the other
            // recorded it first; the closing committed before, so it is answered, not a conflict that reads as
            // rolled back and has the caller repeat a receipt or cancellation
            if (find(id).awaitsBudgetSettlement()) {
                throw e;
            }
            return false;
        }
    }

    PurchaseOrderResponse get(UUID id) {
        return PurchaseOrderResponse.of(find(id));
    }

    PageResponse<PurchaseOrderResponse> search(String status, String sku, int page, int limit) {
        PurchaseOrderStatus wanted = status == null ? null : statusOf(status);
        var found = orders.search(wanted, sku, PageRequest.of(page - 1, limit));
        return PageResponse.of(
                found.getContent().stream().map(PurchaseOrderResponse::of).toList(),
                found.getTotalElements(),
                page,
                limit);
    }

    /**
     * What the agent approves and places by itself, for the daily batch: first the orders it approved itself but
     * never placed (a run stopped between the two; no one else would place them, and while approved they keep their
     * SKUs from being suggested again), then the suggestions within its approval limit, most urgent first.
     */
    public List<UUID> suggestionsWithinAutoApprovalLimit() {
        var policy = properties.replenishment();
        List<UUID> due = new ArrayList<>(
                orders.search(PurchaseOrderStatus.APPROVED, null, PageRequest.of(0, 1000)).getContent().stream()
                        .filter(PurchaseOrder::awaitsPlacementByTheAgent)
                        .map(PurchaseOrder::getId)
                        .toList());
        if (policy.autoApproveLimit().signum() == 0) {
            return due;
        }
        orders.search(PurchaseOrderStatus.SUGGESTED, null, PageRequest.of(0, 1000)).getContent().stream()
                .filter(order -> order.currency().equals(policy.currency()))
                .filter(order -> order.totalCost().compareTo(policy.autoApproveLimit()) <= 0)
                .map(PurchaseOrder::getId)
                .forEach(due::add);
        return due;
    }

    /**
     * Approves and places a suggestion as the agent, or only places an order the agent approved before; false when
     * finance refused or is not answering, or the order cannot be approved or placed as it stands (a person
     * approved, changed or placed it meanwhile): the run goes on with the next.
     */
    public boolean approveAndOrderAutomatically(UUID id, String reason) {
        try {
            if (!find(id).awaitsPlacementByTheAgent()) {
                approveAutomatically(id, reason);
            }
            placeOrder(id, "placed after automatic approval", AGENT);
        } catch (DomainException | FinanceUnavailableException | OptimisticLockingFailureException e) {
            log.info("purchase order {} left for a person: {}", id, e.getMessage());
            return false;
        }
        return true;
    }

    // false for a repeat of the receipt recorded under the key; the lines are compared in SKU order, as sent or not
    private boolean firstReceiptUnder(PurchaseOrder order, String key, ReceivePurchaseOrderRequest request) {
        String lines = request.lines().stream()
                .map(line -> line.sku() + " " + line.quantity() + " " + line.expiresOn())
                .sorted()
                .collect(Collectors.joining("\n"));
        if (orders.recordReceiptKey(order.getId(), key, lines, clock.instant()) == 1) {
            return true;
        }
        String first = orders.receiptLinesUnder(order.getId(), key).orElseThrow();
        if (!first.equals(lines)) {
            throw RuleViolationException.of(
                    "Idempotency-Key", "was used for a receipt of other lines of this purchase order");
        }
        return false;
    }

    // stock rows are locked in SKU name order, as the storefront's orders lock them: two writers of the same rows
    // then queue for them instead of each holding one the other waits for
    private static List<PurchaseOrderLine> inSkuOrder(List<PurchaseOrderLine> lines) {
        return lines.stream()
                .sorted(Comparator.comparing(PurchaseOrderLine::sku))
                .toList();
    }

    private PurchaseOrder find(UUID id) {
        return orders.findById(id).orElseThrow(() -> new PurchaseOrderNotFoundException(id));
    }

    private PurchaseOrderResponse find(UUID id, PurchaseOrderResponse fallback) {
        return orders.findById(id).map(PurchaseOrderResponse::of).orElse(fallback);
    }

    private static void requireBuyer(Caller caller, String action) {
        if (!caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER)) {
            throw new NotPermittedException(
                    "only an administrator or a marketing manager " + action + " purchase orders");
        }
    }

    private static void requireReceiver(Caller caller) {
        if (!caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER, Caller.SYSTEM_AGENT)) {
            throw new NotPermittedException(
                    "only an administrator, a marketing manager or a system agent records" + " deliveries");
        }
    }

    private static PurchaseOrderStatus statusOf(String status) {
        try {
            return PurchaseOrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "status", "must be one of suggested, approved, ordered, received, closed, rejected, cancelled");
        }
    }
}

package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves stock as the storefront's events say: a product is stocked when first seen, an order takes its units, a
 * cancellation gives them back. Each call runs in the transaction that records the event as handled, so an event
 * moves stock once.
 *
 * <p>A change is stamped with the time read after its rows are locked, never before: a change that waited for a row
 * must be stamped later than the one it waited for, as subscribers keep the newest change of a row and drop older.
 */
@Service
public class StockService {

    private static final Logger log = LoggerFactory.getLogger(StockService.class);

    private final StockLevelRepository levels;
    private final ReservationRepository reservations;
    private final StockChanges changes;
    private final OrderStock orderStock;
    private final InventoryProperties properties;
    private final Clock clock;

    StockService(
            StockLevelRepository levels,
            ReservationRepository reservations,
            StockChanges changes,
            OrderStock orderStock,
            InventoryProperties properties,
            Clock clock) {
        this.levels = levels;
        this.reservations = reservations;
        this.changes = changes;
        this.orderStock = orderStock;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stocks a new SKU at the default warehouse with the feed's stock quantity (none: zero). For a SKU already
     * stocked the feed's quantity is ignored: from then on this agent's own count, moved by orders, is the truth;
     * except once for a SKU an order reached first, whose feed quantity settles that order's backorders and stocks
     * the rest.
     */
    @Transactional
    public void applyProductUpserted(ProductUpserted product) {
        Instant now = clock.instant();
        int onHand = product.stockQuantity() == null ? 0 : Math.max(0, product.stockQuantity());
        String location = properties.defaultLocation();
        if (levels.insertIfAbsent(UUID.randomUUID(), product.sku(), location, onHand, true, now) == 1) {
            levels.findBySkuAndLocation(product.sku(), location).ifPresent(row -> changes.changed(row, now));
            return;
        }
        // an order of the SKU came first (another topic): the feed's quantity is still its initial stock
        StockLevel row = levels.lockAt(product.sku(), location).orElseThrow();
        if (row.takeInitialStock(onHand, now)) {
            levels.flush();
            changes.changed(row, now);
        }
    }

    /**
     * Takes each line's units from stock, as shipped. The order names no reservation and no warehouse, so it takes, in
     * this order: the units its customer holds in active reservations of the SKU (the checkout it came from; those
     * reservations are committed; a guest's order takes none, see {@link #heldFor}); then what is available, default
     * warehouse first; whatever is still missing is recorded as backordered at the default warehouse. On hand therefore
     * never goes below zero, and an order never takes units another checkout holds. What it took is recorded against
     * its number; the cancellations of it read before it, and its customer's credit notes naming no order that were
     * kept and occurred at or after it, then give back what they ask of that, as if read after it. What cancellations
     * in the cut-over grace period gave back of it before it came counts as given back; what they gave back beyond what
     * it took is taken back. So does, up to what it took, what its customer's credit notes naming no order in that
     * grace period, read before it and occurred at or after it, gave back beyond the customer's recorded orders. An
     * order of a customer since erased is recorded as a guest's.
     */
    @Transactional
    public void applyOrderPlaced(OrderPlaced placed) {
        LocalDate day = LocalDate.ofInstant(placed.occurredAt(), ZoneOffset.UTC);
        Map<String, Integer> wanted = unitsPerSku(placed.lines());
        orderStock.lockNumber(placed.orderNumber());
        OrderPlaced order = placed;
        UUID holder = placed.customerId();
        if (placed.customerId() != null) {
            orderStock.lockCustomer(placed.customerId());
            if (orderStock.erased(placed.customerId())) {
                // read after the erasure (still queued, or replayed): it takes stock as a guest's would, so nothing
                // of the customer's comes back under their id; their checkout's reservations are under its pseudonym
                order = withoutCustomer(placed);
                holder = orderStock.checkoutPseudonym(placed.customerId()).orElse(null);
            }
        }
        // what cancellations gave back of it before it came may be of SKUs it did not take, to be taken back too
        var skus = new TreeSet<>(wanted.keySet());
        skus.addAll(orderStock.givenBackBeforeOrder(order.orderNumber()).keySet());
        Map<String, List<StockLevel>> locked = lockedRowsOf(skus);
        // read once every row is ours: a change that committed while this order waited is stamped earlier
        Instant now = clock.instant();
        for (var line : wanted.entrySet()) {
            String sku = line.getKey();
            int remaining = line.getValue();
            List<StockLevel> rows = locked.get(sku);
            Map<String, StockLevel> byLocation =
                    rows.stream().collect(Collectors.toMap(StockLevel::location, Function.identity()));
            Map<StockLevel, Integer> unitsPerRow = new LinkedHashMap<>();
            for (Reservation held : heldFor(holder, sku)) {
                if (remaining == 0) {
                    break;
                }
                StockLevel row = byLocation.get(held.location());
                int taken = row.takeReserved(held.quantity(), remaining, now);
                held.close(ReservationStatus.COMMITTED, now);
                remaining -= taken;
                unitsPerRow.merge(row, taken, Integer::sum);
            }
            for (StockLevel row : defaultLocationFirst(rows)) {
                if (remaining == 0) {
                    break;
                }
                int taken = row.ship(remaining, now);
                if (taken > 0) {
                    remaining -= taken;
                    unitsPerRow.merge(row, taken, Integer::sum);
                }
            }
            if (remaining > 0) {
                StockLevel row = defaultLocationFirst(rows).getFirst();
                row.backorder(remaining, now);
                unitsPerRow.merge(row, remaining, Integer::sum);
            }
            levels.flush();
            unitsPerRow.forEach((row, units) -> {
                changes.changed(row, now);
                changes.ordered(new UnitsOrdered(sku, row.location(), day, units));
            });
        }
        Map<String, Integer> givenBackBeyond = orderStock.taken(order, wanted);
        // before the cancellations kept for it: had the credit notes been read after the order, they would have given
        // back of it first, and the cancellations only what was left
        Map<String, Integer> creditedBefore = orderStock.givenBackBeforeOrderByCreditNotes(order, wanted.keySet());
        if (!creditedBefore.isEmpty()) {
            log.info(
                    "Order {} counts {} as given back by its customer's credit notes read before it",
                    order.orderNumber(),
                    creditedBefore);
        }
        // only SKUs of this order come back, and their rows are locked already; stamped after the order's own change
        // of the same rows, as subscribers keep a row's newest change
        Map<String, Integer> cancelledFirst = new TreeMap<>(orderStock.releasePending(order.orderNumber()));
        orderStock
                .releasePendingOfCustomer(order, wanted.keySet())
                .forEach((sku, units) -> cancelledFirst.merge(sku, units, Integer::sum));
        Instant later = clock.instant();
        if (!givenBackBeyond.isEmpty()) {
            takeBack(order.orderNumber(), givenBackBeyond, locked, later);
        }
        if (!cancelledFirst.isEmpty()) {
            giveBack(cancelledFirst, locked, later);
        }
    }

    /**
     * The active reservations of the SKU an order takes, oldest first and locked (after the stock rows, as every
     * path that changes a reservation does): its customer's, those of a customer since erased under their checkout's
     * pseudonym (see {@code InventoryPersonalData}). A guest's order takes none: nothing in it says whose checkout it
     * was, and taking another's would leave that customer's own order short of the units held for it. So an erased
     * customer's checkout whose order the storefront sends as a guest's leaves its reservation to hold the units
     * beside the order's until it expires; only an order still naming the customer takes it.
     */
    private List<Reservation> heldFor(UUID holder, String sku) {
        return holder == null ? List.of() : reservations.lockByCustomer(holder, sku, ReservationStatus.ACTIVE);
    }

    /**
     * Gives a cancellation's units back at the default warehouse (the event does not say where they went out
     * from), settling backorders first: units never shipped were only owed. It gives back no more of a SKU than its
     * order took and earlier cancellations left: of the order it names, or, naming none, of its customer's orders,
     * newest first. One naming an order not applied yet is kept, moving no stock, until that order is applied; one
     * naming no order keeps what its customer's orders do not hold for those of them placed before it and still to
     * be read; one naming no order and no customer moves no stock. One naming no order of a customer since erased is
     * taken as a guest's. What is asked beyond that is logged and left.
     */
    @Transactional
    public void applyOrderCancelled(OrderCancelled cancellation) {
        Map<String, Integer> asked = unitsPerSku(cancellation.lines());
        Map<String, Integer> released;
        if (cancellation.originalOrderNumber() != null
                && !cancellation.originalOrderNumber().isBlank()) {
            orderStock.lockNumber(cancellation.originalOrderNumber());
            released = orderStock.releaseFromNamedOrder(cancellation, new TreeMap<>(asked), clock.instant());
        } else {
            OrderCancelled creditNote = cancellation;
            if (cancellation.customerId() != null) {
                orderStock.lockCustomer(cancellation.customerId());
                if (orderStock.erased(cancellation.customerId())) {
                    // read after the erasure: as a guest's, it keeps nothing under their id (their orders are under
                    // a pseudonym now, which it cannot name)
                    creditNote = withoutCustomer(cancellation);
                }
            }
            released = orderStock.releaseFromCustomersOrders(creditNote, asked, clock.instant());
        }
        int unreleased = asked.values().stream().mapToInt(Integer::intValue).sum()
                - released.values().stream().mapToInt(Integer::intValue).sum();
        if (unreleased > 0) {
            log.info(
                    "Cancellation {} (order {}) gives back {} unit(s) fewer than it asks: its order did not take"
                            + " them, has given them back already or is not applied yet",
                    cancellation.cancellationNumber(),
                    cancellation.originalOrderNumber(),
                    unreleased);
        }
        if (released.isEmpty()) {
            return;
        }
        Map<String, List<StockLevel>> locked = lockedRowsOf(released.keySet());
        giveBack(released, locked, clock.instant());
    }

    /**
     * Takes back what cancellations of an order gave back, in the cut-over grace period, before the order came and
     * beyond what it took: from the default warehouse, where they gave it back; what is no longer there is owed.
     */
    private void takeBack(
            String orderNumber, Map<String, Integer> units, Map<String, List<StockLevel>> locked, Instant now) {
        for (var line : units.entrySet()) {
            StockLevel row = defaultLocationFirst(locked.get(line.getKey())).getFirst();
            int missing = line.getValue() - row.ship(line.getValue(), now);
            if (missing > 0) {
                row.backorder(missing, now);
            }
            levels.flush();
            changes.changed(row, now);
            log.warn(
                    "Order {} took fewer units of {} than its cancellations gave back before it came: {} taken back",
                    orderNumber,
                    line.getKey(),
                    line.getValue());
        }
    }

    private void giveBack(Map<String, Integer> units, Map<String, List<StockLevel>> locked, Instant now) {
        for (var line : units.entrySet()) {
            StockLevel row = defaultLocationFirst(locked.get(line.getKey())).getFirst();
            row.giveBack(line.getValue(), now);
            levels.flush();
            changes.changed(row, now);
        }
    }

    private static OrderPlaced withoutCustomer(OrderPlaced order) {
        return new OrderPlaced(
                order.eventId(),
                order.occurredAt(),
                order.orderId(),
                order.orderNumber(),
                null,
                order.country(),
                order.currency(),
                order.lines());
    }

    private static OrderCancelled withoutCustomer(OrderCancelled cancellation) {
        return new OrderCancelled(
                cancellation.eventId(),
                cancellation.occurredAt(),
                cancellation.orderId(),
                cancellation.cancellationNumber(),
                cancellation.originalOrderNumber(),
                null,
                cancellation.refunded(),
                cancellation.reason(),
                cancellation.currency(),
                cancellation.lines());
    }

    /**
     * Holds the customer's lock until the caller's transaction ends, as the customer's orders and credit notes naming
     * no order hold it while they write under the customer's id: a change of the customer's records (an erasure)
     * taking it first waits for them to commit, and one of them that comes later waits for the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCustomer(UUID customerId) {
        orderStock.lockCustomer(customerId);
    }

    /** For features that speak of a SKU: one the agent keeps no stock of is not found. */
    @Transactional(readOnly = true)
    public void requireStocked(String sku) {
        if (!levels.existsBySku(sku)) {
            throw new UnknownSkuException(sku);
        }
    }

    /** The SKU's rows, one per warehouse it is stocked at; empty for a SKU without stock. */
    @Transactional(readOnly = true)
    public List<StockPosition> positionsOf(String sku) {
        return levels.findBySkuOrderByLocation(sku).stream()
                .map(StockPosition::of)
                .toList();
    }

    /** Every stocked SKU, in name order: what the daily batch plans for. */
    @Transactional(readOnly = true)
    public List<String> stockedSkus() {
        return levels.findDistinctSkus();
    }

    /** Units ordered from a supplier for {@code location}: in transit until received or cancelled. */
    @Transactional
    public void orderedFromSupplier(String sku, String location, int units) {
        StockLevel row = lockedRowAt(sku, location);
        Instant now = clock.instant();
        row.orderFromSupplier(units, now);
        levels.flush();
        changes.changed(row, now);
    }

    @Transactional
    public void supplierOrderCancelled(String sku, String location, int units) {
        StockLevel row = lockedRowAt(sku, location);
        Instant now = clock.instant();
        row.cancelFromSupplier(units, now);
        levels.flush();
        changes.changed(row, now);
    }

    /** A supplier's delivery: on hand grows (backorders first), in transit shrinks. */
    @Transactional
    public void receivedFromSupplier(String sku, String location, int units, LocalDate expiresOn) {
        StockLevel row = lockedRowAt(sku, location);
        Instant now = clock.instant();
        row.receive(units, expiresOn, now);
        levels.flush();
        changes.changed(row, now);
    }

    @Transactional(readOnly = true)
    StockResponse stockOf(String sku) {
        List<StockLevel> rows = levels.findBySkuOrderByLocation(sku);
        if (rows.isEmpty()) {
            throw new UnknownSkuException(sku);
        }
        return StockResponse.of(sku, rows);
    }

    @Transactional(readOnly = true)
    PageResponse<StockedSkuResponse> search(String contains, int page, int limit) {
        String wanted = contains == null ? "" : contains.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + wanted.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        var found = levels.summaries(pattern, PageRequest.of(page - 1, limit));
        return PageResponse.of(
                found.getContent().stream().map(StockedSkuResponse::of).toList(),
                found.getTotalElements(),
                page,
                limit);
    }

    @Transactional(readOnly = true)
    StockLevelsResponse levels(CheckStockLevelsRequest request) {
        List<String> asked = request.skus().stream().distinct().toList();
        Map<String, List<StockLevel>> bySku = levels.findBySkuInOrderBySkuAscLocationAsc(asked).stream()
                .collect(Collectors.groupingBy(StockLevel::sku, LinkedHashMap::new, Collectors.toList()));
        List<StockResponse> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String sku : asked) {
            List<StockLevel> rows = bySku.get(sku);
            if (rows == null) {
                unknown.add(sku);
            } else {
                items.add(StockResponse.of(sku, rows));
            }
        }
        return new StockLevelsResponse(items, unknown);
    }

    // an order can carry a SKU on several lines; SKUs in one order are locked in name order, as every order does
    private static Map<String, Integer> unitsPerSku(List<OrderLine> lines) {
        return lines.stream()
                .collect(Collectors.toMap(OrderLine::sku, OrderLine::quantity, Integer::sum, TreeMap::new));
    }

    /** Each SKU's rows, locked SKU by SKU in the given (name) order. */
    private Map<String, List<StockLevel>> lockedRowsOf(Collection<String> skus) {
        Map<String, List<StockLevel>> locked = new LinkedHashMap<>();
        for (String sku : skus) {
            locked.put(sku, lockedRowsOf(sku));
        }
        return locked;
    }

    /** The SKU's rows, locked; a SKU never seen before is stocked at the default warehouse with nothing. */
    private List<StockLevel> lockedRowsOf(String sku) {
        List<StockLevel> rows = levels.lockBySku(sku);
        if (!rows.isEmpty()) {
            return rows;
        }
        // the product feed may still bring the SKU's initial stock
        levels.insertIfAbsent(UUID.randomUUID(), sku, properties.defaultLocation(), 0, false, clock.instant());
        return levels.lockBySku(sku);
    }

    private StockLevel lockedRowAt(String sku, String location) {
        if (!properties.locations().contains(location)) {
            throw com.agentfactory.messaging.error.InvalidInputException.of(
                    "location", "must be one of " + properties.locations());
        }
        levels.insertIfAbsent(
                UUID.randomUUID(), sku, location, 0, !location.equals(properties.defaultLocation()), clock.instant());
        return levels.lockAt(sku, location).orElseThrow();
    }

    private List<StockLevel> defaultLocationFirst(List<StockLevel> rows) {
        String preferred = properties.defaultLocation();
        return rows.stream()
                .sorted(Comparator.comparing((StockLevel row) -> !row.location().equals(preferred))
                        .thenComparing(StockLevel::location))
                .toList();
    }
}

package com.agentfactory.support.order;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.support.privacy.CustomerAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order read model in the support schema, fed by commerce.orders. */
@Repository
public class OrderBook {

    static final String NUMBER_CONFLICTS = "support.orders.number_conflicts";
    static final String UNPLACED_CANCELLATIONS = "support.orders.unplaced_cancellations";

    private static final Logger log = LoggerFactory.getLogger(OrderBook.class);
    private static final String SUMMARY_COLUMNS =
            "order_id, order_number, customer_id, status, total, currency, country, placed_at, customer_erased";

    private final JdbcClient jdbc;
    private final ReturnedGoods returned;
    private final CustomerAddresses addresses;
    private final Clock clock;
    private final Counter numberConflicts;
    private final Counter guestCancellations;
    private final Counter unmatchedCancellations;

    OrderBook(
            JdbcClient jdbc, ReturnedGoods returned, CustomerAddresses addresses, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.returned = returned;
        this.addresses = addresses;
        this.clock = clock;
        this.numberConflicts = Counter.builder(NUMBER_CONFLICTS)
                .description("Placed orders left out because another order already holds their number")
                .register(registry);
        this.guestCancellations = unplacedCancellations(registry, "guest");
        this.unmatchedCancellations = unplacedCancellations(registry, "unmatched");
    }

    private static Counter unplacedCancellations(MeterRegistry registry, String reason) {
        return Counter.builder(UNPLACED_CANCELLATIONS)
                .description("Cancellations naming no order that could not be taken off any order, wholly or in part")
                .tag("reason", reason)
                .register(registry);
    }

    public Optional<OrderSummary> findByNumber(String orderNumber) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM orders WHERE upper(order_number) = :number")
                .param("number", normalised(orderNumber))
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /**
     * The order numbered so, its row locked until the caller's transaction ends: returns and cancellations of one
     * order take this lock, so each sees what the one before it left.
     */
    public Optional<OrderSummary> lockByNumber(String orderNumber) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM orders WHERE upper(order_number) = :number FOR UPDATE")
                .param("number", normalised(orderNumber))
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** The order, its row locked until the caller's transaction ends (see {@link #lockByNumber}). */
    public Optional<OrderSummary> lock(UUID orderId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM orders WHERE order_id = :id FOR UPDATE")
                .param("id", orderId)
                .query((rs, row) -> summary(rs))
                .optional();
    }

    /** The order's product lines in order, empty for an order announced before lines were kept. */
    public List<OrderItem> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT line_no, product_id, sku, quantity, cancelled_quantity, unit_price FROM order_lines
                        WHERE order_id = :id ORDER BY line_no
                        """)
                .param("id", orderId)
                .query((rs, row) -> new OrderItem(
                        rs.getInt("line_no"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getInt("cancelled_quantity"),
                        rs.getBigDecimal("unit_price")))
                .list();
    }

    /**
     * Adds the order with its lines, then applies the cancellations of it that arrived first (see
     * {@link #apply(OrderCancelled)}). An order of a customer erased here is kept as their erasure leaves orders:
     * under no customer and marked as an erased customer's.
     */
    public void apply(OrderPlaced order) {
        // orders and privacy requests travel on different topics, so an order may be read after its customer's
        // erasure, or during it. The customer's shared lock, held to the commit, before anything is stored: an
        // erasure under way commits first and the order is then kept under no one, one starting later waits and finds
        // the order. Taken before the number's lock, which an erasure never takes, so the two cannot wait on each other
        boolean erased = order.customerId() != null && addresses.isErased(order.customerId());
        lockNumber(order.orderNumber());
        int inserted = jdbc.sql("""
                        INSERT INTO orders (order_id, order_number, customer_id, status, total, currency, country,
                                            placed_at, updated_at, customer_erased)
                        VALUES (:id, :number, :customer, 'PLACED', :total, :currency, :country, :placed, now(),
                                :erased)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", order.orderId())
                .param("number", order.orderNumber())
                .param("customer", erased ? null : order.customerId())
                .param("erased", erased)
                .param("total", order.total())
                .param("currency", order.currency())
                .param("country", order.country())
                .param("placed", Timestamp.from(order.occurredAt()))
                .update();
        if (inserted == 0) {
            if (!known(order.orderId())) {
                refuseTakenNumber(order);
            }
            return;
        }
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            jdbc.sql("""
                            INSERT INTO order_lines (order_id, line_no, product_id, sku, quantity, unit_price)
                            VALUES (:order, :no, :product, :sku, :quantity, :price)
                            """)
                    .param("order", order.orderId())
                    .param("no", i + 1)
                    .param("product", line.productId())
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice())
                    .update();
        }
        applyPendingCancellations(order.orderId(), order.orderNumber());
    }

    /**
     * Takes the cancelled lines off the order. Only when nothing is left of it (or the cancellation cannot be placed
     * on its lines) is the whole order cancelled or refunded; the lines a partial cancellation left can still be
     * returned. A cancellation of an order not announced yet is kept until the order is: it travels under its own key
     * on commerce.orders, so it may well be read before the order it cancels. A cancellation naming no order is taken
     * off the customer's open orders holding its products, newest first.
     */
    public void apply(OrderCancelled cancellation) {
        if (cancellation.originalOrderNumber() == null) {
            applyToCustomersOrders(cancellation);
            return;
        }
        lockNumber(cancellation.originalOrderNumber());
        Optional<OrderSummary> found = lockByNumber(cancellation.originalOrderNumber());
        if (found.isEmpty()) {
            keepUntilPlaced(cancellation);
            return;
        }
        cancel(found.get(), cancellation.refunded(), cancellation.lines());
    }

    private void cancel(OrderSummary order, boolean refunded, List<OrderLine> cancelledLines) {
        List<OrderItem> lines = lines(order.orderId());
        int[] left = cancelledLines.stream().mapToInt(OrderLine::quantity).toArray();
        Map<Integer, Integer> taken = take(lines, returned.receivedQuantities(order.orderId()), cancelledLines, left);
        // an order kept without its lines cannot be cancelled in part, and a cancellation taking back more than the
        // order still holds cannot be placed on its lines: either way the whole order stops being returnable, as a
        // return of what was already refunded would be refunded a second time
        boolean unplaced = lines.isEmpty() || Arrays.stream(left).anyMatch(quantity -> quantity > 0);
        takeOff(order, lines, taken, refunded, unplaced);
    }

    /**
     * The storefront's cancellation notes do not always name the order they take back (those of the Online Retail
     * replay never do), yet finance refunds them all the same. Left off support's orders, the goods could be returned
     * and refunded a second time, so the cancelled products are taken from the customer's orders still holding them,
     * newest first (a credit note most likely answers the latest purchase), a quantity larger than one order holds
     * split over the next ones. Only what no order of the customer holds, or a guest's cancellation that names no
     * order, is left out; it is counted and logged for someone to look into.
     */
    private void applyToCustomersOrders(OrderCancelled cancellation) {
        if (cancellation.customerId() == null) {
            guestCancellations.increment();
            log.warn(
                    "Cancellation {} names neither an order nor a customer: no order of support's was changed",
                    cancellation.cancellationNumber());
            return;
        }
        List<OrderLine> cancelledLines = cancellation.lines();
        int[] left = cancelledLines.stream().mapToInt(OrderLine::quantity).toArray();
        // always newest first, so two such cancellations of one customer take the orders' locks in the same order
        List<OrderSummary> holding = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM orders o " + """
                        WHERE customer_id = :customer AND status = 'PLACED' AND EXISTS (
                            SELECT 1 FROM order_lines l
                            WHERE l.order_id = o.order_id AND l.quantity > l.cancelled_quantity
                              AND (l.product_id IN (:products) OR upper(l.sku) IN (:skus)))
                        ORDER BY placed_at DESC, order_id DESC
                        """)
                .param("customer", cancellation.customerId())
                .param(
                        "products",
                        cancelledLines.stream().map(OrderLine::productId).toList())
                .param(
                        "skus",
                        cancelledLines.stream()
                                .map(line -> line.sku().strip().toUpperCase(Locale.ROOT))
                                .toList())
                .query((rs, row) -> summary(rs))
                .list();
        for (OrderSummary candidate : holding) {
            if (Arrays.stream(left).allMatch(quantity -> quantity == 0)) {
                break;
            }
            // the locks a cancellation naming this order would take, so returns and cancellations of it stay in line
            lockNumber(candidate.orderNumber());
            Optional<OrderSummary> locked = lock(candidate.orderId()).filter(order -> "PLACED".equals(order.status()));
            if (locked.isEmpty()) {
                continue;
            }
            List<OrderItem> lines = lines(candidate.orderId());
            Map<Integer, Integer> taken =
                    take(lines, returned.receivedQuantities(candidate.orderId()), cancelledLines, left);
            if (!taken.isEmpty()) {
                takeOff(locked.get(), lines, taken, cancellation.refunded(), false);
            }
        }
        int unplaced = Arrays.stream(left).sum();
        if (unplaced > 0) {
            unmatchedCancellations.increment();
            log.warn(
                    "Cancellation {} names no order and {} of its {} items are on no order of customer {} still open",
                    cancellation.cancellationNumber(),
                    unplaced,
                    cancelledLines.stream().mapToInt(OrderLine::quantity).sum(),
                    cancellation.customerId());
        }
    }

    /**
     * Which of the order's lines give up how much to the cancelled lines, each line taking from what earlier cancelled
     * lines left of it; {@code left} holds what each cancelled line still asks and is lowered by what it got.
     *
     * <p>Goods still with the customer are taken before goods already received back: a back-office credit note may
     * cover goods already returned, and each item it cancels must leave one fewer to return whichever line holds the
     * items, as when the cancellation comes before the receipt (finance caps what it refunds of the order per product).
     * Only what is left once the goods received back are taken as well is more than the order holds.
     *
     * @param received quantity received back, per line number
     */
    private static Map<Integer, Integer> take(
            List<OrderItem> lines, Map<Integer, Integer> received, List<OrderLine> cancelledLines, int[] left) {
        Map<Integer, Integer> taken = new LinkedHashMap<>();
        takeUpTo(
                lines,
                line -> line.uncancelled() - received.getOrDefault(line.lineNo(), 0),
                cancelledLines,
                left,
                taken);
        takeUpTo(lines, OrderItem::uncancelled, cancelledLines, left, taken);
        return taken;
    }

    private static void takeUpTo(
            List<OrderItem> lines,
            ToIntFunction<OrderItem> room,
            List<OrderLine> cancelledLines,
            int[] left,
            Map<Integer, Integer> taken) {
        for (int i = 0; i < cancelledLines.size(); i++) {
            OrderLine cancelled = cancelledLines.get(i);
            for (OrderItem line : lines) {
                if (left[i] == 0 || !sameProduct(line, cancelled)) {
                    continue;
                }
                int take = Math.min(left[i], room.applyAsInt(line) - taken.getOrDefault(line.lineNo(), 0));
                if (take > 0) {
                    taken.merge(line.lineNo(), take, Integer::sum);
                    left[i] -= take;
                }
            }
        }
    }

    private void takeOff(
            OrderSummary order,
            List<OrderItem> lines,
            Map<Integer, Integer> taken,
            boolean refunded,
            boolean endWholeOrder) {
        UUID orderId = order.orderId();
        taken.forEach((lineNo, quantity) -> jdbc.sql("""
                        UPDATE order_lines SET cancelled_quantity = cancelled_quantity + :quantity
                        WHERE order_id = :order AND line_no = :no
                        """)
                .param("quantity", quantity)
                .param("order", orderId)
                .param("no", lineNo)
                .update());
        boolean nothingLeft =
                lines.stream().allMatch(line -> line.uncancelled() == taken.getOrDefault(line.lineNo(), 0));
        String ended = refunded ? "REFUNDED" : "CANCELLED";
        jdbc.sql("UPDATE orders SET status = :status, updated_at = :now WHERE order_id = :id")
                .param("status", endWholeOrder || nothingLeft ? ended : order.status())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", orderId)
                .update();
    }

    private void keepUntilPlaced(OrderCancelled cancellation) {
        int kept = jdbc.sql("""
                        INSERT INTO pending_order_cancellations (event_id, order_number, refunded, occurred_at,
                                                                 received_at)
                        VALUES (:event, :number, :refunded, :occurred, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("event", cancellation.eventId())
                .param("number", cancellation.originalOrderNumber().strip())
                .param("refunded", cancellation.refunded())
                .param("occurred", Timestamp.from(cancellation.occurredAt()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (kept == 0) {
            return;
        }
        for (int i = 0; i < cancellation.lines().size(); i++) {
            OrderLine line = cancellation.lines().get(i);
            jdbc.sql("""
                            INSERT INTO pending_order_cancellation_lines (event_id, line_no, product_id, sku, quantity,
                                                                          unit_price)
                            VALUES (:event, :no, :product, :sku, :quantity, :price)
                            """)
                    .param("event", cancellation.eventId())
                    .param("no", i + 1)
                    .param("product", line.productId())
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice())
                    .update();
        }
        log.info(
                "Cancellation {} of order {} kept until the order is announced",
                cancellation.cancellationNumber(),
                cancellation.originalOrderNumber());
    }

    // in the order the storefront cancelled them, so each takes what the one before it left; locked, so the purge
    // (which skips locked rows) cannot delete one's lines between their being read and the cancellation applied
    private void applyPendingCancellations(UUID orderId, String orderNumber) {
        List<PendingCancellation> pending = jdbc.sql("""
                        SELECT event_id, refunded FROM pending_order_cancellations
                        WHERE upper(order_number) = :number ORDER BY occurred_at, received_at, event_id
                        FOR UPDATE
                        """)
                .param("number", normalised(orderNumber))
                .query((rs, row) ->
                        new PendingCancellation(rs.getObject("event_id", UUID.class), rs.getBoolean("refunded")))
                .list();
        for (PendingCancellation cancellation : pending) {
            List<OrderLine> lines = jdbc.sql("""
                            SELECT product_id, sku, quantity, unit_price FROM pending_order_cancellation_lines
                            WHERE event_id = :event ORDER BY line_no
                            """)
                    .param("event", cancellation.eventId())
                    .query((rs, row) -> new OrderLine(
                            rs.getObject("product_id", UUID.class),
                            rs.getString("sku"),
                            rs.getInt("quantity"),
                            rs.getBigDecimal("unit_price")))
                    .list();
            cancel(lock(orderId).orElseThrow(), cancellation.refunded(), lines);
            jdbc.sql("DELETE FROM pending_order_cancellations WHERE event_id = :event")
                    .param("event", cancellation.eventId())
                    .update();
        }
    }

    /**
     * Deletes, with their lines, at most {@code limit} of the cancellations kept since before {@code cutoff} for an
     * order that has not arrived, oldest first; returns how many. Rows an arriving order is applying, or another
     * instance deleting, are skipped.
     */
    int forgetPendingCancellationsReceivedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM pending_order_cancellations WHERE event_id IN (
                            SELECT event_id FROM pending_order_cancellations
                            WHERE received_at < :cutoff ORDER BY received_at
                            LIMIT :limit FOR UPDATE SKIP LOCKED)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    // Placement and cancellation of one order are read from different partitions, perhaps by different instances at
    // the same moment: without this lock each could miss the other's uncommitted row (the cancellation finding no
    // order, the placement no pending cancellation) and the cancellation would be lost. Held to the transaction's end.
    private void lockNumber(String orderNumber) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "support.order-number:" + normalised(orderNumber))
                .query((rs, row) -> Boolean.TRUE)
                .single();
    }

    private record PendingCancellation(UUID eventId, boolean refunded) {}

    private boolean known(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE order_id = :id")
                        .param("id", orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    // The number stays with the order that announced it first. That order may already have returns, tickets and
    // answers tied to its number, and giving the number to whichever order announces it last would let a later
    // announcement take over an earlier customer's order. Failing the event instead would only retry it into the
    // dead-letter topic while it holds up its partition, and replaying it would fail the same way, so it is
    // acknowledged, left out of the read model and counted for someone to look into the storefront's duplicate.
    private void refuseTakenNumber(OrderPlaced order) {
        numberConflicts.increment();
        log.warn(
                "Order {} left out: its number {} already belongs to another order",
                order.orderId(),
                order.orderNumber());
    }

    private static boolean sameProduct(OrderItem line, OrderLine cancelled) {
        return line.productId().equals(cancelled.productId())
                || line.sku().equalsIgnoreCase(cancelled.sku().strip());
    }

    private static String normalised(String orderNumber) {
        return orderNumber.strip().toUpperCase(Locale.ROOT);
    }

    private static OrderSummary summary(ResultSet rs) throws SQLException {
        return new OrderSummary(
                rs.getObject("order_id", UUID.class),
                rs.getString("order_number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("status"),
                rs.getBigDecimal("total"),
                rs.getString("currency"),
                rs.getString("country"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getBoolean("customer_erased"));
    }
}

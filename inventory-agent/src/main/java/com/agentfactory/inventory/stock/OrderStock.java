package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each order took of each SKU and what its cancellations gave back, so that a cancellation gives back no more
 * than its order took and has not given back yet. Called inside the stock change's transaction.
 *
 * <p>An order and its cancellation travel under different keys and may be read in either order, by two consumers at
 * once: both first take a transaction lock on the order number, so a cancellation kept as pending is always seen by
 * its order, and an order recorded is always seen by its cancellation. A cancellation naming no order is kept likewise
 * for its customer's orders, under a transaction lock on the customer; one in the cut-over grace period also takes one
 * on its cancellation number, as copies of a guest's would otherwise both give back.
 */
@Component
class OrderStock {

    /** The cancellation number under which what was given back before V19 kept numbers is counted (see V21). */
    private static final String BEFORE_NUMBERS_WERE_KEPT = "";

    private final JdbcClient jdbc;
    private final PendingCancellationProperties properties;

    OrderStock(JdbcClient jdbc, PendingCancellationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    static String normalised(String orderNumber) {
        return orderNumber.strip().toUpperCase(Locale.ROOT);
    }

    void lockNumber(String orderNumber) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('inventory order ' || :number, 0))")
                .param("number", normalised(orderNumber))
                .query()
                .singleRow();
    }

    /**
     * Taken by a customer's orders and by their cancellations naming no order, after the order number's lock and
     * before any stock row's, so a credit note kept as pending is always seen by the customer's next order, and an
     * order recorded is always seen by the customer's next credit note. Their checkouts' new reservations take it
     * before any stock row's too. The customer's erasure takes it before it re-keys anything of theirs (see
     * {@link StockService#lockCustomer}).
     */
    void lockCustomer(UUID customerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('inventory customer ' || :customer, 0))")
                .param("customer", customerId.toString())
                .query()
                .singleRow();
    }

    /**
     * Whether the customer was erased (see {@code InventoryPersonalData}); the caller holds the customer's lock, which
     * the erasure holds while it marks them, so an order, credit note or reservation waiting for it finds them erased.
     */
    boolean erased(UUID customerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM erased_customers WHERE customer_id = :customer)")
                .param("customer", customerId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The pseudonym under which the erased customer's checkouts hold their active reservations, if any do; the caller
     * holds the customer's lock.
     */
    Optional<UUID> checkoutPseudonym(UUID customerId) {
        return jdbc.sql("SELECT checkout_pseudonym FROM erased_customers"
                        + " WHERE customer_id = :customer AND checkout_pseudonym IS NOT NULL")
                .param("customer", customerId)
                .query(UUID.class)
                .optional();
    }

    /**
     * The pseudonym for a new reservation of the erased customer's checkout: the one their active reservations hold,
     * else a new one; the caller holds the customer's lock.
     */
    UUID checkoutPseudonymFor(UUID customerId) {
        return jdbc.sql("""
                        UPDATE erased_customers SET checkout_pseudonym = COALESCE(checkout_pseudonym, :fresh)
                        WHERE customer_id = :customer RETURNING checkout_pseudonym
                        """)
                .param("fresh", UUID.randomUUID())
                .param("customer", customerId)
                .query(UUID.class)
                .single();
    }

    /** Whether the id is the pseudonym an erased customer's checkouts hold their reservations under. */
    boolean isCheckoutPseudonym(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM erased_customers WHERE checkout_pseudonym = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** At most {@code limit} erased customers whose checkout pseudonym no active reservation holds. */
    List<UUID> customersWithIdleCheckoutPseudonyms(int limit) {
        return jdbc.sql("""
                        SELECT customer_id FROM erased_customers e
                        WHERE checkout_pseudonym IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM stock_reservations r
                            WHERE r.customer_id = e.checkout_pseudonym AND r.status = 'ACTIVE')
                        ORDER BY customer_id LIMIT :limit
                        """).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Forgets which erased customer the checkout pseudonym stands for, once no reservation under it is active; returns
     * whether it did. The customer's lock is taken first and the reservations looked at after it, so a reservation
     * being made for them under the pseudonym is either seen or made afterwards under a new one. The closed
     * reservations under a forgotten pseudonym keep no customer: nothing would tell it from a customer's id any more,
     * and a look-up of one by its id would show it. A transaction of its own, so the customer's orders and checkouts
     * wait for this one customer only.
     */
    @Transactional
    boolean forgetCheckoutPseudonymIfIdle(UUID customer) {
        lockCustomer(customer);
        Optional<UUID> pseudonym = checkoutPseudonym(customer);
        if (pseudonym.isEmpty()) {
            return false;
        }
        int unlinked = jdbc.sql("""
                        UPDATE erased_customers SET checkout_pseudonym = NULL
                        WHERE customer_id = :customer AND checkout_pseudonym = :pseudonym AND NOT EXISTS (
                            SELECT 1 FROM stock_reservations r
                            WHERE r.customer_id = :pseudonym AND r.status = 'ACTIVE')
                        """)
                .param("customer", customer)
                .param("pseudonym", pseudonym.get())
                .update();
        if (unlinked == 0) {
            return false;
        }
        // none is active (checked above, and a new one waits for the customer's lock): naming the status lets the
        // closed reservations' customer index (V28) find them
        jdbc.sql("UPDATE stock_reservations SET customer_id = NULL"
                        + " WHERE customer_id = :pseudonym AND status <> 'ACTIVE'")
                .param("pseudonym", pseudonym.get())
                .update();
        return true;
    }

    /**
     * The units of each SKU cancellations in the cut-over grace period gave back of the order before it was recorded
     * (see {@link #releaseFromNamedOrder}); the caller holds the order number's lock.
     */
    Map<String, Integer> givenBackBeforeOrder(String orderNumber) {
        Map<String, Integer> given = new TreeMap<>();
        jdbc.sql("SELECT sku, released FROM order_stock WHERE order_number = :number AND order_id IS NULL")
                .param("number", normalised(orderNumber))
                .query((rs, row) -> given.put(rs.getString("sku"), rs.getInt("released")))
                .list();
        return given;
    }

    /**
     * Records the units the order took of each SKU; the caller holds the order number's lock. What cancellations in
     * the cut-over grace period gave back of it before it came counts as given back of what it took, as if they had
     * been read after it; returns, per SKU, what they gave back beyond that, which the order did not take.
     */
    Map<String, Integer> taken(OrderPlaced order, Map<String, Integer> unitsPerSku) {
        String number = normalised(order.orderNumber());
        Map<String, Integer> givenBefore = new TreeMap<>();
        jdbc.sql("DELETE FROM order_stock WHERE order_number = :number AND order_id IS NULL RETURNING sku, released")
                .param("number", number)
                .query((rs, row) -> givenBefore.put(rs.getString("sku"), rs.getInt("released")))
                .list();
        // grace_period_cancellations stays (until its number retention): the order's record holds only a sum, so
        // without them those cancellations sent again after the order would give back of it once more (see
        // releaseFromNamedOrder)
        unitsPerSku.forEach((sku, units) -> jdbc.sql("""
                        INSERT INTO order_stock (order_number, sku, order_id, customer_id, placed_at, units, released)
                        VALUES (:number, :sku, :order, :customer, :placed, :units, :released)
                        ON CONFLICT (order_number, sku) DO UPDATE SET units = order_stock.units + EXCLUDED.units
                        """)
                .param("number", number)
                .param("sku", sku)
                .param("order", order.orderId())
                .param("customer", order.customerId())
                .param("placed", Timestamp.from(order.occurredAt()))
                .param("units", units)
                .param("released", Math.min(units, givenBefore.getOrDefault(sku, 0)))
                .update());
        Map<String, Integer> beyond = new TreeMap<>();
        givenBefore.forEach((sku, given) -> {
            int more = given - unitsPerSku.getOrDefault(sku, 0);
            if (more > 0) {
                beyond.put(sku, more);
            }
        });
        return beyond;
    }

    /**
     * The units of each SKU the order's cancellations read before it ask back, at most what the order took; they are
     * no longer pending. The caller holds the order number's lock.
     */
    Map<String, Integer> releasePending(String orderNumber) {
        Map<String, Integer> asked = new TreeMap<>();
        jdbc.sql("""
                        DELETE FROM pending_order_cancellations WHERE order_number = :number
                        RETURNING sku, units
                        """)
                .param("number", normalised(orderNumber))
                .query((rs, row) -> asked.merge(rs.getString("sku"), rs.getInt("units"), Integer::sum))
                .list();
        return releaseFromOrder(orderNumber, asked);
    }

    /**
     * Of the units of each SKU asked back, those the named order took and has not given back yet, now given back.
     * A cancellation of an order not recorded is kept until the order is, and gives nothing back now, unless it may
     * answer an order applied before what orders took was recorded (see {@link #mayAnswerUnrecordedOrder}): then it
     * gives back, of each SKU, what it asks beyond what it gave back of that SKU before under its cancellation number,
     * recorded as the order's, given back (see {@link #givenBackInGracePeriod}). Only a recorded order makes its
     * number known, not what such cancellations gave back: a later cancellation of it, read before it, is still kept
     * for it, and another such cancellation still gives back what they did not. Once the order is recorded, such a
     * cancellation sent again gives back only what it asks beyond what it gave back under its number (see
     * {@link #beyondGivenBackInGracePeriod}). The caller holds the order number's lock.
     */
    Map<String, Integer> releaseFromNamedOrder(OrderCancelled cancellation, Map<String, Integer> asked, Instant now) {
        String number = normalised(cancellation.originalOrderNumber());
        boolean known =
                jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM order_stock WHERE order_number = :number AND order_id IS NOT NULL)
                        """).param("number", number).query(Boolean.class).single();
        if (!known) {
            if (mayAnswerUnrecordedOrder(cancellation.occurredAt())) {
                // its order may be one applied before what orders took was recorded: given back as it always was
                return givenBackInGracePeriod(number, cancellation.cancellationNumber(), asked, now);
            }
            asked.forEach((sku, units) -> jdbc.sql("""
                            INSERT INTO pending_order_cancellations (event_id, sku, order_number, cancellation_number,
                                                                     units, occurred_at, received_at)
                            VALUES (:event, :sku, :number, :cancellation, :units, :occurred, :now)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("event", cancellation.eventId())
                    .param("sku", sku)
                    .param("number", number)
                    .param("cancellation", cancellation.cancellationNumber())
                    .param("units", units)
                    .param("occurred", Timestamp.from(cancellation.occurredAt()))
                    .param("now", Timestamp.from(now))
                    .update());
            return Map.of();
        }
        return releaseFromOrder(
                number, beyondGivenBackInGracePeriod(number, cancellation.cancellationNumber(), asked, now));
    }

    /**
     * Of the units of each SKU asked back, those beyond what the same cancellation (by its number) gave back in the
     * cut-over grace period before its order was recorded; what it now asks is counted as given back under its number.
     * A number given back under no number before V19 is not counted here: the order's record bounds what is given back
     * of it, and a cancellation of another number must still find the rest.
     */
    private Map<String, Integer> beyondGivenBackInGracePeriod(
            String number, String cancellationNumber, Map<String, Integer> asked, Instant now) {
        String cancellation = normalised(cancellationNumber);
        Map<String, Integer> beyond = new TreeMap<>();
        asked.forEach((sku, units) -> {
            Integer before = jdbc.sql("""
                            SELECT units FROM grace_period_cancellations
                            WHERE order_number = :number AND sku = :sku AND cancellation_number = :cancellation
                            FOR UPDATE
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .param("cancellation", cancellation)
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
            if (before == null) {
                beyond.put(sku, units);
            } else if (units > before) {
                beyond.put(sku, units - before);
                jdbc.sql("""
                                UPDATE grace_period_cancellations SET units = :units, given_back_at = :now
                                WHERE order_number = :number AND sku = :sku AND cancellation_number = :cancellation
                                """)
                        .param("units", units)
                        .param("now", Timestamp.from(now))
                        .param("number", number)
                        .param("sku", sku)
                        .param("cancellation", cancellation)
                        .update();
            }
        });
        return beyond;
    }

    /**
     * Gives back, of each SKU, what a cancellation in the cut-over grace period of an order not recorded asks beyond
     * what it gave back of that SKU before, and adds it to the order's row of the SKU, taken and given back.
     *
     * <p>Without the order its cancellations are told apart by their cancellation number: the storefront sending the
     * same cancellation again under another event id (a redelivery of one event is stopped by its id already) keeps
     * the number, so it gives back nothing more, or the difference if it asks more (while the number is kept, see
     * {@link #forgetCancellationNumbersGivenBackBefore}); a cancellation under another
     * number cancels another part of the order and gives back what it asks. What was given back before V19 kept the
     * numbers counts as given back before every number with none of its own, as it did then. Should the order arrive,
     * what was given back beyond what it took is taken back (see {@link #taken}).
     */
    private Map<String, Integer> givenBackInGracePeriod(
            String number, String cancellationNumber, Map<String, Integer> asked, Instant now) {
        String cancellation = normalised(cancellationNumber);
        Map<String, Integer> released = new TreeMap<>();
        asked.forEach((sku, units) -> {
            // a number with no row of its own may be one given back before V19 told them apart (see V21)
            int before = jdbc.sql("""
                            SELECT units FROM grace_period_cancellations
                            WHERE order_number = :number AND sku = :sku
                              AND cancellation_number IN (:cancellation, :unknown)
                            ORDER BY cancellation_number = :cancellation DESC
                            LIMIT 1
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .param("cancellation", cancellation)
                    .param("unknown", BEFORE_NUMBERS_WERE_KEPT)
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (units <= before) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO grace_period_cancellations (order_number, sku, cancellation_number, units,
                                                                    given_back_at)
                            VALUES (:number, :sku, :cancellation, :units, :now)
                            ON CONFLICT (order_number, sku, cancellation_number) DO UPDATE
                                SET units = EXCLUDED.units, given_back_at = EXCLUDED.given_back_at
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .param("cancellation", cancellation)
                    .param("units", units)
                    .param("now", Timestamp.from(now))
                    .update();
            int more = units - before;
            jdbc.sql("""
                            INSERT INTO order_stock (order_number, sku, units, released)
                            VALUES (:number, :sku, :more, :more)
                            ON CONFLICT (order_number, sku) DO UPDATE
                                SET units = order_stock.units + EXCLUDED.units,
                                    released = order_stock.released + EXCLUDED.released
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .param("more", more)
                    .update();
            released.put(sku, more);
        });
        return released;
    }

    /**
     * Of the units of each SKU asked back by a cancellation naming no order, those the customer's orders took and have
     * not given back yet, taken from the newest order first (a credit note most likely answers the latest purchase).
     * What they do not hold is kept for the customer's orders placed before it but still to be read (its order may be
     * read after it, under another key), and given back of them as they are recorded (see
     * {@link #releasePendingOfCustomer}). A guest's gives nothing back: no order can be told to be theirs. One that
     * may answer orders applied before what orders took was recorded (see {@link #mayAnswerUnrecordedOrder}) gives
     * back all it asks, as it always did, but once per cancellation number (see {@link #beyondAskedBefore}); what it
     * gives back beyond the recorded orders is recorded for the customer's
     * orders placed before it and still to be read (see {@link #givenBackBeforeOrderByCreditNotes}). The caller holds
     * the customer's lock.
     */
    Map<String, Integer> releaseFromCustomersOrders(
            OrderCancelled cancellation, Map<String, Integer> asked, Instant now) {
        if (mayAnswerUnrecordedOrder(cancellation.occurredAt())) {
            Map<String, Integer> more = beyondAskedBefore(cancellation.cancellationNumber(), asked, now);
            // what the recorded orders took is marked given back; the rest is of orders older than the record, or of
            // orders of the customer still to be read, which must find it given back
            Map<String, Integer> released =
                    releaseFromCustomersOrders(cancellation.customerId(), cancellation.occurredAt(), more);
            keepForCustomersOrders(CREDIT_NOTES_READ_BEFORE_ORDER, cancellation, more, released, now);
            return more;
        }
        Map<String, Integer> released =
                releaseFromCustomersOrders(cancellation.customerId(), cancellation.occurredAt(), asked);
        keepForCustomersOrders(CANCELLATIONS_KEPT_FOR_CUSTOMER, cancellation, asked, released, now);
        return released;
    }

    /**
     * Keeps in {@code where}, per SKU, what the cancellation asks beyond what its customer's recorded orders gave
     * back, for the customer's orders still to be read. A guest's keeps nothing: no order can be told to be theirs.
     */
    private void keepForCustomersOrders(
            KeptOfCustomer where,
            OrderCancelled cancellation,
            Map<String, Integer> asked,
            Map<String, Integer> released,
            Instant now) {
        if (cancellation.customerId() == null) {
            return;
        }
        asked.forEach((sku, units) -> {
            int left = units - released.getOrDefault(sku, 0);
            if (left > 0) {
                jdbc.sql(where.keep())
                        .param("event", cancellation.eventId())
                        .param("sku", sku)
                        .param("customer", cancellation.customerId())
                        .param("cancellation", cancellation.cancellationNumber())
                        .param("units", left)
                        .param("occurred", Timestamp.from(cancellation.occurredAt()))
                        .param("now", Timestamp.from(now))
                        .update();
            }
        });
    }

    /**
     * Of the units of each SKU a credit note naming no order in the cut-over grace period asks back, those beyond what
     * it asked before under its cancellation number: the storefront sending it again under another event id (a
     * redelivery of one event is stopped by its id already) keeps the number, and nothing checks what it gives back
     * against an order. What it asks now is recorded under its number, kept the number retention after it (see
     * {@link #forgetCreditNoteNumbersGivenBackBefore}).
     *
     * <p>Two copies read at once are taken one after the other, under a transaction lock on the number: the second
     * must see what the first recorded, and while the number is new neither finds a row to lock. A guest's credit
     * note takes no customer's lock that would keep them apart. Taken after the customer's lock, if any, and before
     * any row's; nothing else takes it.
     */
    private Map<String, Integer> beyondAskedBefore(String cancellationNumber, Map<String, Integer> asked, Instant now) {
        String number = normalised(cancellationNumber);
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('inventory credit note ' || :number, 0))")
                .param("number", number)
                .query()
                .singleRow();
        Map<String, Integer> more = new TreeMap<>();
        asked.forEach((sku, units) -> {
            int before = jdbc.sql("""
                            SELECT units FROM grace_period_credit_note_numbers
                            WHERE cancellation_number = :number AND sku = :sku
                            FOR UPDATE
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (units <= before) {
                return;
            }
            jdbc.sql("""
                            INSERT INTO grace_period_credit_note_numbers (cancellation_number, sku, units,
                                                                          given_back_at)
                            VALUES (:number, :sku, :units, :now)
                            ON CONFLICT (cancellation_number, sku) DO UPDATE
                                SET units = EXCLUDED.units, given_back_at = EXCLUDED.given_back_at
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .param("units", units)
                    .param("now", Timestamp.from(now))
                    .update();
            more.put(sku, units - before);
        });
        return more;
    }

    /**
     * Of what the customer's credit notes naming no order, in the cut-over grace period and read before the order,
     * gave back beyond their recorded orders, what the order took and has not given back yet now counts as given back
     * of it, as if they had been read after it: oldest credit note first, only those that occurred at or after the
     * order. Moves no stock (they gave it back already), so a later cancellation of the order gives back only the
     * rest; returns, per SKU, the units so counted. The caller holds the order number's and the customer's locks.
     */
    Map<String, Integer> givenBackBeforeOrderByCreditNotes(OrderPlaced order, Collection<String> skus) {
        return takeUpKeptOfCustomer(CREDIT_NOTES_READ_BEFORE_ORDER, order, skus);
    }

    /**
     * The units of each of the order's SKUs that its customer's cancellations naming no order, read before it and
     * kept, ask back, at most what the order took and has not given back yet; oldest first. Only those that occurred
     * at or after the order are taken: a credit note answers a purchase made before it, never a later one. What they
     * ask beyond that stays kept for the customer's other orders still to be read. The caller holds the order
     * number's and the customer's locks.
     */
    Map<String, Integer> releasePendingOfCustomer(OrderPlaced order, Collection<String> skus) {
        return takeUpKeptOfCustomer(CANCELLATIONS_KEPT_FOR_CUSTOMER, order, skus);
    }

    /**
     * Where a customer's give-backs naming no order are kept until their orders are read, and the statement keeping
     * one SKU of one there (a repeat of the event keeps nothing more). The identifiers are constants of this class,
     * never taken from input, as they are written into the SQL.
     */
    private record KeptOfCustomer(
            String table, String alsoWhere, String occurredColumn, String oldestFirst, String keep) {}

    private static final KeptOfCustomer CREDIT_NOTES_READ_BEFORE_ORDER =
            new KeptOfCustomer("grace_period_credit_notes", "", "credited_at", "credited_at", """
            INSERT INTO grace_period_credit_notes (event_id, sku, customer_id, credited_at, units)
            VALUES (:event, :sku, :customer, :occurred, :units)
            ON CONFLICT DO NOTHING
            """);

    // only those naming no order: one naming its order waits for that order alone
    private static final KeptOfCustomer CANCELLATIONS_KEPT_FOR_CUSTOMER = new KeptOfCustomer(
            "pending_order_cancellations", "AND order_number IS NULL", "occurred_at", "received_at", """
            INSERT INTO pending_order_cancellations (event_id, sku, customer_id, cancellation_number, units,
                                                     occurred_at, received_at)
            VALUES (:event, :sku, :customer, :cancellation, :units, :occurred, :now)
            ON CONFLICT DO NOTHING
            """);

    /**
     * Takes up the customer's kept rows that occurred at or after the order, oldest first and locked, each up to what
     * the order took and has not given back yet; deletes a row wholly taken up and lowers the rest by what was taken.
     * Returns, per SKU, the units taken up.
     */
    private Map<String, Integer> takeUpKeptOfCustomer(
            KeptOfCustomer where, OrderPlaced order, Collection<String> skus) {
        Map<String, Integer> takenUp = new TreeMap<>();
        if (order.customerId() == null) {
            return takenUp;
        }
        record Kept(UUID eventId, String sku, int units) {}
        var kept = jdbc.sql(
                        """
                        SELECT event_id, sku, units FROM %s
                        WHERE customer_id = :customer AND sku IN (:skus) AND %s >= :placed %s
                        ORDER BY %s, event_id, sku
                        FOR UPDATE
                        """.formatted(where.table(), where.occurredColumn(), where.alsoWhere(), where.oldestFirst()))
                .param("customer", order.customerId())
                .param("placed", Timestamp.from(order.occurredAt()))
                .param("skus", skus)
                .query((rs, row) ->
                        new Kept(rs.getObject("event_id", UUID.class), rs.getString("sku"), rs.getInt("units")))
                .list();
        for (Kept row : kept) {
            int taken = releaseFromOrder(order.orderNumber(), Map.of(row.sku(), row.units()))
                    .getOrDefault(row.sku(), 0);
            if (taken == 0) {
                continue;
            }
            takenUp.merge(row.sku(), taken, Integer::sum);
            if (taken == row.units()) {
                jdbc.sql("DELETE FROM %s WHERE event_id = :event AND sku = :sku".formatted(where.table()))
                        .param("event", row.eventId())
                        .param("sku", row.sku())
                        .update();
            } else {
                // what this order did not hold stays kept: a credit note's rest may still be of an order from before
                // the record, or of another order still to be read; a cancellation's is for the customer's next order
                jdbc.sql("""
                                UPDATE %s SET units = units - :taken
                                WHERE event_id = :event AND sku = :sku
                                """.formatted(where.table()))
                        .param("taken", taken)
                        .param("event", row.eventId())
                        .param("sku", row.sku())
                        .update();
            }
        }
        return takenUp;
    }

    private Map<String, Integer> releaseFromCustomersOrders(
            UUID customerId, Instant creditedAt, Map<String, Integer> asked) {
        Map<String, Integer> released = new TreeMap<>();
        if (customerId == null) {
            return released;
        }
        asked.forEach((sku, units) -> {
            int left = units;
            // newest first and locked, so two such cancellations of one customer cannot give back the same units;
            // only orders placed by the time of the credit note, which cannot answer a purchase made after it
            var holding = jdbc.sql("""
                            SELECT order_number, units - released AS open FROM order_stock
                            WHERE customer_id = :customer AND sku = :sku AND units > released
                              AND placed_at <= :credited
                            ORDER BY placed_at DESC, order_number DESC
                            FOR UPDATE
                            """)
                    .param("customer", customerId)
                    .param("credited", Timestamp.from(creditedAt))
                    .param("sku", sku)
                    .query((rs, row) -> Map.entry(rs.getString("order_number"), rs.getInt("open")))
                    .list();
            for (var order : holding) {
                if (left == 0) {
                    break;
                }
                int give = Math.min(left, order.getValue());
                markReleased(order.getKey(), sku, give);
                left -= give;
                released.merge(sku, give, Integer::sum);
            }
        });
        return released;
    }

    /**
     * Whether a cancellation that occurred then may answer an order applied before what orders took was first
     * recorded (V16): such an order has no record, so the cancellation cannot be checked against it. What decides is
     * when the order was placed, which a cancellation of an unrecorded order cannot tell; orders are cancelled up to
     * some time after they are placed, so any cancellation until the grace period after the cut-over may answer one.
     */
    private boolean mayAnswerUnrecordedOrder(Instant occurredAt) {
        return jdbc.sql("SELECT :occurred < since + make_interval(secs => :grace) FROM order_stock_cut_over")
                .param("occurred", Timestamp.from(occurredAt))
                .param("grace", (double) properties.cutOverGrace().toSeconds())
                .query(Boolean.class)
                .single();
    }

    /**
     * Deletes at most {@code limit} of the cancellations kept since before {@code cutoff} for an order that has not
     * arrived (of the number they name, or of their customer), oldest first; returns how many. Rows an arriving
     * order is applying, or another instance deleting, are skipped.
     */
    int forgetPendingReceivedBefore(Instant cutoff, int limit) {
        return deleteOldest("pending_order_cancellations", "event_id, sku", "received_at", cutoff, limit);
    }

    /**
     * Deletes at most {@code limit} of what credit notes in the cut-over grace period gave back beyond their
     * customer's recorded orders (see {@link #givenBackBeforeOrderByCreditNotes}) that were credited before
     * {@code cutoff}, oldest first; returns how many. Only the customer's orders placed by then take such a row up,
     * and those are read by the cutoff, as the retention outlasts what reading orders can lag. Rows an arriving order
     * is taking up, or another instance deleting, are skipped.
     */
    int forgetCreditNotesCreditedBefore(Instant cutoff, int limit) {
        return deleteOldest("grace_period_credit_notes", "event_id, sku", "credited_at", cutoff, limit);
    }

    /**
     * Deletes at most {@code limit} of the rows recording what cancellations of orders not recorded, in the cut-over
     * grace period, gave back under their cancellation numbers (see {@link #givenBackInGracePeriod}) that last gave
     * back before {@code cutoff}, oldest first; returns how many. The same cancellation sent again after that gives
     * back once more. Rows a cancellation is writing, or another instance deleting, are skipped.
     */
    int forgetCancellationNumbersGivenBackBefore(Instant cutoff, int limit) {
        return deleteOldest(
                "grace_period_cancellations", "order_number, sku, cancellation_number", "given_back_at", cutoff, limit);
    }

    /**
     * Deletes at most {@code limit} of the rows recording what credit notes naming no order, in the cut-over grace
     * period, asked under their cancellation numbers (see {@link #beyondAskedBefore}) that last gave back before
     * {@code cutoff}, oldest first; returns how many. The same credit note sent again after that gives back once
     * more. Rows a credit note is reading or writing, or another instance deleting, are skipped.
     */
    int forgetCreditNoteNumbersGivenBackBefore(Instant cutoff, int limit) {
        return deleteOldest(
                "grace_period_credit_note_numbers", "cancellation_number, sku", "given_back_at", cutoff, limit);
    }

    /**
     * Deletes at most {@code limit} rows of {@code table} (whose key is {@code key}) stamped in {@code stampedAt}
     * before {@code cutoff}, oldest first, skipping rows another transaction holds; the names are this class's
     * constants, never input.
     */
    private int deleteOldest(String table, String key, String stampedAt, Instant cutoff, int limit) {
        return jdbc.sql("DELETE FROM %1$s WHERE (%2$s) IN (SELECT %2$s FROM %1$s WHERE %3$s < :cutoff ORDER BY %3$s"
                                .formatted(table, key, stampedAt)
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED)")
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    private Map<String, Integer> releaseFromOrder(String orderNumber, Map<String, Integer> asked) {
        Map<String, Integer> released = new TreeMap<>();
        String number = normalised(orderNumber);
        asked.forEach((sku, units) -> {
            Integer open = jdbc.sql("""
                            SELECT units - released FROM order_stock WHERE order_number = :number AND sku = :sku
                            FOR UPDATE
                            """)
                    .param("number", number)
                    .param("sku", sku)
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            int give = Math.min(units, open);
            if (give > 0) {
                markReleased(number, sku, give);
                released.put(sku, give);
            }
        });
        return released;
    }

    private void markReleased(String number, String sku, int units) {
        jdbc.sql("UPDATE order_stock SET released = released + :units WHERE order_number = :number AND sku = :sku")
                .param("units", units)
                .param("number", number)
                .param("sku", sku)
                .update();
    }
}

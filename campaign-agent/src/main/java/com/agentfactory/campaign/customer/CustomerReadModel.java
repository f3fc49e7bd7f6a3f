package com.agentfactory.campaign.customer;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The campaign agent's view of each customer: profile fields from customer events, order count, spend and last
 * order from order events, the segment finance assigns from finance's segment changes. Each order's placed and
 * cancelled amounts are kept, and the customer's figures recomputed from them, so events applied in any order add up
 * to the same figures. Spend is counted in the currency of the customer's first order (the earliest placed, whichever
 * event arrived first); orders in other currencies count as orders but not as spend. Segments and journeys compare
 * money with the orders of each currency instead ({@link #spendByCurrency}), so they need neither figure. A customer
 * erased here stays erased: their events read afterwards change nothing.
 */
@Repository
public class CustomerReadModel {

    private final JdbcTemplate jdbc;

    CustomerReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the profile; returns whether it changed a known e-mail address to another one. A profile is the whole
     * of it: one without a phone number clears the number, as one without an e-mail address clears the address, so
     * a number the customer took away is not texted.
     */
    public boolean apply(CustomerUpserted customer) {
        holdShared(customer.customerId());
        List<String> before = jdbc.queryForList(
                "SELECT email FROM customers WHERE customer_id = ? FOR UPDATE", String.class, customer.customerId());
        if (isErased(customer.customerId())) {
            return false;
        }
        // an older profile event arriving late must not overwrite a newer one
        int applied = jdbc.update(
                """
                INSERT INTO customers (customer_id, customer_number, email, country, phone, profile_updated_at,
                                       first_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET
                    customer_number = EXCLUDED.customer_number,
                    email = EXCLUDED.email,
                    country = EXCLUDED.country,
                    phone = EXCLUDED.phone,
                    profile_updated_at = EXCLUDED.profile_updated_at,
                    first_seen_at = LEAST(customers.first_seen_at, EXCLUDED.first_seen_at)
                WHERE customers.profile_updated_at IS NULL
                   OR customers.profile_updated_at <= EXCLUDED.profile_updated_at
                """,
                customer.customerId(),
                customer.customerNumber(),
                customer.email(),
                customer.country(),
                phoneOf(customer),
                Timestamp.from(customer.occurredAt()),
                Timestamp.from(customer.occurredAt()));
        return applied > 0
                && !before.isEmpty()
                && before.getFirst() != null
                && customer.email() != null
                && !before.getFirst().equalsIgnoreCase(customer.email());
    }

    public void apply(OrderPlaced order) {
        if (order.customerId() == null) {
            return; // a guest checkout belongs to no customer a campaign could reach
        }
        if (!ensureCustomer(order.customerId(), order.occurredAt())) {
            return;
        }
        jdbc.update(
                """
                INSERT INTO customer_orders (order_id, customer_id, currency, placed_total, placed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET
                    placed_total = EXCLUDED.placed_total,
                    placed_at = EXCLUDED.placed_at,
                    currency = EXCLUDED.currency
                """,
                order.orderId(),
                order.customerId(),
                order.currency(),
                order.total(),
                Timestamp.from(order.occurredAt()));
        refresh(order.customerId());
    }

    public void apply(OrderCancelled cancellation) {
        Optional<UUID> customer =
                Optional.ofNullable(cancellation.customerId()).or(() -> customerOfOrder(cancellation.orderId()));
        if (customer.isEmpty()) {
            return; // neither the event nor an earlier order names a customer
        }
        if (!ensureCustomer(customer.get(), cancellation.occurredAt())) {
            return;
        }
        jdbc.update("""
                INSERT INTO customer_orders (order_id, customer_id, currency, cancelled_total)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET
                    cancelled_total = customer_orders.cancelled_total + EXCLUDED.cancelled_total
                """, cancellation.orderId(), customer.get(), cancellation.currency(), cancellation.total());
        refresh(customer.get());
    }

    /**
     * Takes finance's segment for the customer unless a later decision is already applied; returns whether it did.
     * Ties go to the event applied last: one customer's changes share a partition, so it is the later one.
     */
    public boolean apply(CustomerSegmentChanged change) {
        if (!lockUnlessErased(change.customerId())) {
            return false;
        }
        return jdbc.update(
                        """
                        INSERT INTO customers (customer_id, first_seen_at, finance_segment, finance_segment_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO UPDATE SET
                            finance_segment = EXCLUDED.finance_segment,
                            finance_segment_at = EXCLUDED.finance_segment_at
                        WHERE customers.finance_segment_at IS NULL
                           OR customers.finance_segment_at <= EXCLUDED.finance_segment_at
                        """,
                        change.customerId(),
                        Timestamp.from(change.occurredAt()),
                        change.segment(),
                        Timestamp.from(change.occurredAt()))
                > 0;
    }

    /** Sets the customer's own time zone (an IANA name), or clears it with null so the store's applies. */
    public void setTimeZone(UUID customerId, String zone) {
        jdbc.update("UPDATE customers SET time_zone = ? WHERE customer_id = ?", zone, customerId);
    }

    public Optional<String> timeZone(UUID customerId) {
        return jdbc
                .queryForList("SELECT time_zone FROM customers WHERE customer_id = ?", String.class, customerId)
                .stream()
                .filter(zone -> zone != null)
                .findFirst();
    }

    /** The customers whose profile holds this phone number (E.164), by id; a household may share one. */
    public List<UUID> holdersOf(String phone) {
        return jdbc.queryForList(
                "SELECT customer_id FROM customers WHERE phone = ? ORDER BY customer_id", UUID.class, phone);
    }

    public boolean isKnown(UUID customerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM customers WHERE customer_id = ?)", Boolean.class, customerId));
    }

    /**
     * Whether the customer is known, their row then locked (FOR SHARE) until the caller's transaction ends: an erasure
     * locks the row before it deletes anything of the customer, so it waits for what the caller writes under the
     * customer's id and deletes that too, or, when it came first, the customer is no longer known here. The customer's
     * lock ({@link #lockForErasure}) is shared first, so a caller that finds no row (a customer whose first event is
     * still to be read) still waits for an erasure under way and then sees it in {@link #isErased}.
     */
    public boolean lockIfKnown(UUID customerId) {
        holdShared(customerId);
        return !jdbc.queryForList(
                        "SELECT customer_id FROM customers WHERE customer_id = ? FOR SHARE", UUID.class, customerId)
                .isEmpty();
    }

    /**
     * Takes the customer's locks for their erasure, to the end of the caller's transaction, before it deletes or
     * changes anything of theirs: the customer's lock, exclusive, then their row (FOR UPDATE) if there is one. The
     * customer's lock is held whether or not the row exists, so a first event of a customer the read model does not
     * know yet, applied while the erasure commits, waits for it and then finds the customer erased; a row lock alone
     * would let it insert the customer back before the erasure's mark is visible. Every writer takes the two in the
     * same order (shared lock, then row), so none deadlocks with the erasure.
     */
    public void lockForErasure(UUID customerId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                lockKey(customerId));
        jdbc.queryForList("SELECT customer_id FROM customers WHERE customer_id = ? FOR UPDATE", UUID.class, customerId);
    }

    /**
     * Whether the customer was erased here. Asked after taking the customer's locks ({@link #lockIfKnown}), it also
     * answers for an erasure that held them meanwhile, a customer without a row too: the locks are granted once that
     * erasure has committed, and this reads what it committed.
     */
    public boolean isErased(UUID customerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM erased_customers WHERE customer_id = ?)", Boolean.class, customerId));
    }

    /**
     * The customer's fields as journeys' conditions and templates see them, by their segment names; empty for a
     * customer the read model does not know.
     */
    public Optional<Map<String, Object>> profile(UUID customerId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT customer_number, email, phone, country, order_count, total_spent, spend_currency,
                       last_order_at
                FROM customers WHERE customer_id = ?
                """, customerId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> profile = new HashMap<>();
        rows.getFirst().forEach((column, value) -> {
            if (value instanceof Timestamp timestamp) {
                profile.put(column, timestamp.toInstant());
            } else if (value != null) {
                profile.put(column, value);
            }
        });
        return Optional.of(profile);
    }

    /**
     * What the customer paid in each currency they have orders in, in the order of the currency codes; empty for a
     * customer without orders. Each currency's figures come from its own orders only: nothing is added up across
     * currencies.
     */
    public List<CurrencySpend> spendByCurrency(UUID customerId) {
        return jdbc.query(
                """
                SELECT currency,
                       sum(placed_total - cancelled_total) AS amount,
                       count(*) FILTER (WHERE placed_total > cancelled_total) AS orders,
                       max(placed_at) FILTER (WHERE placed_total > cancelled_total) AS last_order_at
                FROM customer_orders WHERE customer_id = ?
                GROUP BY currency ORDER BY currency
                """,
                (row, rowNumber) -> {
                    Timestamp lastOrder = row.getTimestamp("last_order_at");
                    return new CurrencySpend(
                            row.getString("currency"),
                            row.getBigDecimal("amount"),
                            row.getLong("orders"),
                            lastOrder == null ? null : lastOrder.toInstant());
                },
                customerId);
    }

    // the intake checks the number's form; one that slipped past it could neither be texted nor matched to a reply
    private static String phoneOf(CustomerUpserted customer) {
        return CustomerUpserted.isE164(customer.phone()) ? customer.phone() : null;
    }

    private Optional<UUID> customerOfOrder(UUID orderId) {
        List<UUID> found =
                jdbc.queryForList("SELECT customer_id FROM customer_orders WHERE order_id = ?", UUID.class, orderId);
        return found.stream().findFirst();
    }

    /**
     * Makes sure the customer's row exists and locks it, so two order events of one customer applied at once
     * recompute the figures one after the other, each seeing the other's order; returns false, and writes nothing,
     * for a customer erased here.
     */
    private boolean ensureCustomer(UUID customerId, Instant seenAt) {
        if (!lockUnlessErased(customerId)) {
            return false;
        }
        jdbc.update(
                "INSERT INTO customers (customer_id, first_seen_at) VALUES (?, ?) ON CONFLICT (customer_id) DO NOTHING",
                customerId,
                Timestamp.from(seenAt));
        jdbc.queryForList("SELECT customer_id FROM customers WHERE customer_id = ? FOR UPDATE", UUID.class, customerId);
        return true;
    }

    /**
     * Locks the customer (their lock shared, then their row FOR UPDATE if there is one) and returns whether the
     * customer may be written: not if they were erased. The locks come first: an erasure under way holds them until it
     * commits, so the check then sees its mark; checked before, it would not, and an insert would wait for the erasure
     * and then write back the row it had just deleted, or, for a customer without a row yet, not wait at all.
     */
    private boolean lockUnlessErased(UUID customerId) {
        holdShared(customerId);
        jdbc.queryForList("SELECT customer_id FROM customers WHERE customer_id = ? FOR UPDATE", UUID.class, customerId);
        return !isErased(customerId);
    }

    // shared among the customer's writers, exclusive to their erasure (lockForErasure); held to the transaction's end
    private void holdShared(UUID customerId) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                lockKey(customerId));
    }

    private static String lockKey(UUID customerId) {
        return "campaign.customer:" + customerId;
    }

    private void refresh(UUID customerId) {
        // recomputed every time, not kept from the first order applied: an earlier order arriving late in another
        // currency would otherwise leave the spend in the currency of whichever order happened to arrive first
        jdbc.update("""
                UPDATE customers SET spend_currency = (
                    SELECT currency FROM customer_orders
                    WHERE customer_id = ? AND placed_at IS NOT NULL
                    ORDER BY placed_at, order_id LIMIT 1)
                WHERE customer_id = ?
                """, customerId, customerId);
        jdbc.update("""
                UPDATE customers c SET
                    order_count = (SELECT count(*) FROM customer_orders o
                                   WHERE o.customer_id = c.customer_id AND o.placed_total > o.cancelled_total),
                    total_spent = (SELECT COALESCE(sum(o.placed_total - o.cancelled_total), 0) FROM customer_orders o
                                   WHERE o.customer_id = c.customer_id AND o.currency = c.spend_currency),
                    last_order_at = (SELECT max(o.placed_at) FROM customer_orders o
                                     WHERE o.customer_id = c.customer_id AND o.placed_total > o.cancelled_total)
                WHERE c.customer_id = ?
                """, customerId);
    }
}

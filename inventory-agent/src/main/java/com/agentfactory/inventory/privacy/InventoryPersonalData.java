package com.agentfactory.inventory.privacy;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.privacy.PersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stock held for a customer's carts and orders, what their orders took, their credit notes still waiting for
 * an order and what their credit notes in the cut-over grace period gave back beyond their recorded orders. An
 * erasure replaces the customer with one pseudonym in their orders and credit notes, and with none in their closed
 * reservations (nothing reads a closed one's customer, and a look-up of one by its id would show the pseudonym): the
 * reservations and orders stay, so stock levels and demand history do not change. A cancellation naming its order
 * still finds it by its number, but nothing links the pseudonym back to the customer: a credit note (a cancellation
 * naming no order) read after the erasure is taken as a guest's and gives no stock back of their orders, except in the
 * cut-over grace period, where it gives back what it asks, as every credit note there does. The customer's id is kept
 * as erased, so their orders and credit notes read afterwards, and their checkouts' reservations made afterwards,
 * record nothing under it. Closed reservations are forgotten after a retention (see
 * {@code PendingCancellationPurge}).
 *
 * <p>A reservation still active goes under a pseudonym of its own instead, the checkout pseudonym, which the erased
 * id keeps pointing to while any reservation under it is active; reservations made for the customer afterwards join
 * it. Their order, which may still name them (sent before the erasure reached the storefront), takes them through it.
 * Keeping that link is acceptable as it lasts no longer than the checkout (the reservation's TTL, then the purge's
 * next sweep clears it), ties the id, which names nobody once the customer's data is gone, to nothing but the units
 * the checkout holds, and is the only way the order takes those units instead of taking them a second time. No
 * reservation's response shows the checkout pseudonym, so a caller that sent the erased id does not learn it. An order
 * the storefront sends as a guest's takes no reservation, so such a checkout's order leaves its reservation to hold
 * the units until it expires.
 */
@Component
class InventoryPersonalData implements PersonalDataHolder {

    private final JdbcTemplate jdbc;
    private final StockService stock;
    private final Clock clock;

    InventoryPersonalData(JdbcTemplate jdbc, StockService stock, Clock clock) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.clock = clock;
    }

    @Override
    public PersonalData export(UUID customerId) {
        return PersonalData.of(
                        "stock_reservations",
                        jdbc.queryForList(
                                "SELECT id, sku, location, quantity, status, created_at, expires_at, closed_at"
                                        + " FROM stock_reservations WHERE customer_id = ? ORDER BY created_at",
                                customerId))
                .and(
                        "order_stock",
                        jdbc.queryForList(
                                "SELECT order_number, order_id, sku, units, released, placed_at"
                                        + " FROM order_stock WHERE customer_id = ? ORDER BY placed_at, sku",
                                customerId))
                .and(
                        "pending_order_cancellations",
                        jdbc.queryForList(
                                "SELECT cancellation_number, sku, units, occurred_at, received_at"
                                        + " FROM pending_order_cancellations WHERE customer_id = ?"
                                        + " ORDER BY received_at, sku",
                                customerId))
                .and(
                        "grace_period_credit_notes",
                        jdbc.queryForList(
                                "SELECT sku, units, credited_at FROM grace_period_credit_notes WHERE customer_id = ?"
                                        + " ORDER BY credited_at, sku",
                                customerId));
        // the id kept in erased_customers is not exported: it records the erasure, as the privacy coordinator's
        // requests do, and names nothing else of the person (the campaign and recommendation agents keep theirs alike)
    }

    @Override
    public long erase(UUID customerId) {
        // first, as the customer's orders, credit notes and reservations take it before they write under the
        // customer's id: one still being applied commits before anything is re-keyed, so its record is re-keyed with
        // the rest and it gives back of the credit notes waiting for it before they are re-keyed away from its
        // customer
        stock.lockCustomer(customerId);
        // still under the lock: the customer's orders and credit notes read after the erasure (still queued, or
        // replayed), and reservations for their checkouts, find them erased and record what they move under no
        // customer
        jdbc.update(
                "INSERT INTO erased_customers (customer_id, erased_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                customerId,
                Timestamp.from(clock.instant()));
        // not the pseudonym of the rest: the link kept for the checkout's order would re-identify that too
        List<UUID> checkout = jdbc.queryForList("""
                UPDATE erased_customers SET checkout_pseudonym = COALESCE(checkout_pseudonym, ?)
                WHERE customer_id = ?
                    AND EXISTS (SELECT 1 FROM stock_reservations WHERE customer_id = ? AND status = 'ACTIVE')
                RETURNING checkout_pseudonym
                """, UUID.class, UUID.randomUUID(), customerId, customerId);
        long checkouts = checkout.isEmpty()
                ? 0
                : jdbc.update(
                        "UPDATE stock_reservations SET customer_id = ? WHERE customer_id = ? AND status = 'ACTIVE'",
                        checkout.getFirst(),
                        customerId);
        UUID pseudonym = UUID.randomUUID();
        // the closed ones keep no customer: a look-up of one by its id would show the pseudonym of the orders to a
        // caller that knows whose it was
        return checkouts
                + jdbc.update("UPDATE stock_reservations SET customer_id = NULL WHERE customer_id = ?", customerId)
                + jdbc.update("UPDATE order_stock SET customer_id = ? WHERE customer_id = ?", pseudonym, customerId)
                + jdbc.update(
                        "UPDATE pending_order_cancellations SET customer_id = ? WHERE customer_id = ?",
                        pseudonym,
                        customerId)
                + jdbc.update(
                        "UPDATE grace_period_credit_notes SET customer_id = ? WHERE customer_id = ?",
                        pseudonym,
                        customerId);
    }
}

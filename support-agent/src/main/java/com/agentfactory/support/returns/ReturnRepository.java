package com.agentfactory.support.returns;

import com.agentfactory.support.order.ReturnedGoods;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReturnRepository implements ReturnedGoods {

    private final JdbcClient jdbc;

    ReturnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Quantity taken by returns, per order line number: all a return still awaited authorised, and what a received
     * one refunded (units that did not arrive may be returned again).
     */
    Map<Integer, Integer> returnedQuantities(UUID orderId) {
        return quantities(orderId, """
                SELECT l.line_no,
                       sum(CASE WHEN r.status = 'RECEIVED' THEN l.refunded_quantity ELSE l.quantity END) AS quantity
                FROM return_authorisation_lines l
                JOIN return_authorisations r ON r.return_id = l.return_id
                WHERE r.order_id = :id
                GROUP BY l.line_no
                """);
    }

    /** Quantity whose goods arrived and were refunded, per order line number. */
    @Override
    public Map<Integer, Integer> receivedQuantities(UUID orderId) {
        return quantities(orderId, """
                SELECT l.line_no, sum(l.refunded_quantity) AS quantity
                FROM return_authorisation_lines l
                JOIN return_authorisations r ON r.return_id = l.return_id
                WHERE r.order_id = :id AND r.status = 'RECEIVED'
                GROUP BY l.line_no
                """);
    }

    private Map<Integer, Integer> quantities(UUID orderId, String sql) {
        Map<Integer, Integer> returned = new HashMap<>();
        jdbc.sql(sql)
                .param("id", orderId)
                .query((rs, row) -> returned.put(rs.getInt("line_no"), rs.getInt("quantity")))
                .list();
        return returned;
    }

    /** The return a task authorised, if it did. */
    Optional<ReturnAuthorisation> findByTask(UUID taskId) {
        return jdbc.sql("SELECT return_id FROM return_authorisations WHERE task_id = :task")
                .param("task", taskId)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    /** @param taskId the task that asked for the return, null when none did; a task authorises one return */
    void insert(ReturnAuthorisation authorisation, UUID taskId) {
        jdbc.sql("""
                        INSERT INTO return_authorisations (return_id, order_id, order_number, customer_id, ticket_id,
                                                           status, refund_amount, currency, reason, created_at, task_id)
                        VALUES (:id, :order, :number, :customer, :ticket, :status, :refund, :currency, :reason, :created,
                                :task)
                        """)
                .param("id", authorisation.returnId())
                .param("order", authorisation.orderId())
                .param("number", authorisation.orderNumber())
                .param("customer", authorisation.customerId())
                .param("ticket", authorisation.ticketId())
                .param("status", authorisation.status())
                .param("refund", authorisation.refundAmount())
                .param("currency", authorisation.currency())
                .param("reason", authorisation.reason())
                .param("created", Timestamp.from(authorisation.createdAt()))
                .param("task", taskId)
                .update();
        for (ReturnAuthorisation.ReturnLine line : authorisation.lines()) {
            jdbc.sql("""
                            INSERT INTO return_authorisation_lines (return_id, line_no, product_id, sku, quantity,
                                                                    unit_price, refund)
                            VALUES (:id, :no, :product, :sku, :quantity, :price, :refund)
                            """)
                    .param("id", authorisation.returnId())
                    .param("no", line.lineNo())
                    .param("product", line.productId())
                    .param("sku", line.sku())
                    .param("quantity", line.quantity())
                    .param("price", line.unitPrice())
                    .param("refund", line.refund())
                    .update();
        }
    }

    void linkTicket(UUID returnId, UUID ticketId) {
        jdbc.sql("UPDATE return_authorisations SET ticket_id = :ticket WHERE return_id = :id")
                .param("ticket", ticketId)
                .param("id", returnId)
                .update();
    }

    /**
     * Takes the return's row lock: a second receipt of the same return waits, then sees it received. Callers hold
     * the order's lock first (see {@code OrderBook.lock}).
     */
    Optional<ReturnAuthorisation> findForUpdate(UUID returnId) {
        return jdbc.sql("SELECT return_id FROM return_authorisations WHERE return_id = :id FOR UPDATE")
                .param("id", returnId)
                .query(UUID.class)
                .optional()
                .flatMap(this::find);
    }

    /** Stores the return as received: when, by whom, and what arrived and was refunded of each line. */
    void markReceived(ReturnAuthorisation received) {
        jdbc.sql("""
                        UPDATE return_authorisations
                        SET status = :status, received_at = :at, received_by = :by, refunded_amount = :refunded
                        WHERE return_id = :id
                        """)
                .param("status", ReturnAuthorisation.RECEIVED)
                .param("at", Timestamp.from(received.receivedAt()))
                .param("by", received.receivedBy())
                .param("refunded", received.refundedAmount())
                .param("id", received.returnId())
                .update();
        for (ReturnAuthorisation.ReturnLine line : received.lines()) {
            jdbc.sql("""
                            UPDATE return_authorisation_lines
                            SET received_quantity = :received, refunded_quantity = :refunded
                            WHERE return_id = :id AND line_no = :no
                            """)
                    .param("received", line.receivedQuantity())
                    .param("refunded", line.refundedQuantity())
                    .param("id", received.returnId())
                    .param("no", line.lineNo())
                    .update();
        }
    }

    Optional<ReturnAuthorisation> find(UUID returnId) {
        List<ReturnAuthorisation.ReturnLine> lines = jdbc.sql("""
                        SELECT line_no, product_id, sku, quantity, unit_price, refund, received_quantity,
                               refunded_quantity
                        FROM return_authorisation_lines WHERE return_id = :id ORDER BY line_no
                        """)
                .param("id", returnId)
                .query((rs, row) -> new ReturnAuthorisation.ReturnLine(
                        rs.getInt("line_no"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("refund"),
                        rs.getObject("received_quantity", Integer.class),
                        rs.getObject("refunded_quantity", Integer.class)))
                .list();
        return jdbc.sql("""
                        SELECT return_id, order_id, order_number, customer_id, ticket_id, status, refund_amount,
                               currency, reason, created_at, received_at, received_by, refunded_amount
                        FROM return_authorisations WHERE return_id = :id
                        """)
                .param("id", returnId)
                .query((rs, row) -> new ReturnAuthorisation(
                        rs.getObject("return_id", UUID.class),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        rs.getObject("ticket_id", UUID.class),
                        rs.getString("status"),
                        rs.getBigDecimal("refund_amount"),
                        rs.getString("currency").strip(),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("received_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null),
                        rs.getString("received_by"),
                        rs.getBigDecimal("refunded_amount"),
                        lines))
                .optional();
    }
}

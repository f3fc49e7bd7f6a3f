package com.agentfactory.support.returns;

import com.agentfactory.support.order.ReturnedGoods;
import java.sql.Timestamp;
import java.time.Instant;
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

    /** Quantity already authorised for return, per order line number. */
    Map<Integer, Integer> returnedQuantities(UUID orderId) {
        return quantities(orderId, List.of(ReturnAuthorisation.AUTHORISED, ReturnAuthorisation.RECEIVED));
    }

    /** Quantity whose goods arrived (and were refunded), per order line number. */
    @Override
    public Map<Integer, Integer> receivedQuantities(UUID orderId) {
        return quantities(orderId, List.of(ReturnAuthorisation.RECEIVED));
    }

    private Map<Integer, Integer> quantities(UUID orderId, List<String> statuses) {
        Map<Integer, Integer> returned = new HashMap<>();
        jdbc.sql("""
                        SELECT l.line_no, sum(l.quantity) AS quantity
                        FROM return_authorisation_lines l
                        JOIN return_authorisations r ON r.return_id = l.return_id
                        WHERE r.order_id = :id AND r.status IN (:statuses)
                        GROUP BY l.line_no
                        """)
                .param("id", orderId)
                .param("statuses", statuses)
                .query((rs, row) -> returned.put(rs.getInt("line_no"), rs.getInt("quantity")))
                .list();
        return returned;
    }

    void insert(ReturnAuthorisation authorisation) {
        jdbc.sql("""
                        INSERT INTO return_authorisations (return_id, order_id, order_number, customer_id, ticket_id,
                                                           status, refund_amount, currency, reason, created_at)
                        VALUES (:id, :order, :number, :customer, :ticket, :status, :refund, :currency, :reason, :created)
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

    void markReceived(UUID returnId, Instant at, String by) {
        jdbc.sql("""
                        UPDATE return_authorisations SET status = :status, received_at = :at, received_by = :by
                        WHERE return_id = :id
                        """)
                .param("status", ReturnAuthorisation.RECEIVED)
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("id", returnId)
                .update();
    }

    Optional<ReturnAuthorisation> find(UUID returnId) {
        List<ReturnAuthorisation.ReturnLine> lines = jdbc.sql("""
                        SELECT line_no, product_id, sku, quantity, unit_price, refund
                        FROM return_authorisation_lines WHERE return_id = :id ORDER BY line_no
                        """)
                .param("id", returnId)
                .query((rs, row) -> new ReturnAuthorisation.ReturnLine(
                        rs.getInt("line_no"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("refund")))
                .list();
        return jdbc.sql("""
                        SELECT return_id, order_id, order_number, customer_id, ticket_id, status, refund_amount,
                               currency, reason, created_at, received_at, received_by
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
                        lines))
                .optional();
    }
}

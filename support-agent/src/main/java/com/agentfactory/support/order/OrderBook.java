package com.agentfactory.support.order;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order read model in the support schema, fed by commerce.orders. */
@Repository
public class OrderBook {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderBook(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OrderSummary> findByNumber(String orderNumber) {
        return jdbc.sql("""
                        SELECT order_id, order_number, customer_id, status, total, currency, country, placed_at
                        FROM orders WHERE upper(order_number) = :number
                        """)
                .param("number", orderNumber.strip().toUpperCase(Locale.ROOT))
                .query((rs, row) -> new OrderSummary(
                        rs.getObject("order_id", UUID.class),
                        rs.getString("order_number"),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("status"),
                        rs.getBigDecimal("total"),
                        rs.getString("currency"),
                        rs.getString("country"),
                        rs.getTimestamp("placed_at").toInstant()))
                .optional();
    }

    /** The order's product lines in order, empty for an order announced before lines were kept. */
    public List<OrderItem> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT line_no, product_id, sku, quantity, unit_price FROM order_lines
                        WHERE order_id = :id ORDER BY line_no
                        """)
                .param("id", orderId)
                .query((rs, row) -> new OrderItem(
                        rs.getInt("line_no"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("sku"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price")))
                .list();
    }

    public void apply(OrderPlaced order) {
        int inserted = jdbc.sql("""
                        INSERT INTO orders (order_id, order_number, customer_id, status, total, currency, country,
                                            placed_at, updated_at)
                        VALUES (:id, :number, :customer, 'PLACED', :total, :currency, :country, :placed, now())
                        ON CONFLICT (order_id) DO NOTHING
                        """)
                .param("id", order.orderId())
                .param("number", order.orderNumber())
                .param("customer", order.customerId())
                .param("total", order.total())
                .param("currency", order.currency())
                .param("country", order.country())
                .param("placed", Timestamp.from(order.occurredAt()))
                .update();
        if (inserted == 0) {
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
    }

    public void apply(OrderCancelled cancellation) {
        if (cancellation.originalOrderNumber() == null) {
            return;
        }
        jdbc.sql("""
                        UPDATE orders SET status = :status, updated_at = :now
                        WHERE upper(order_number) = :number
                        """)
                .param("status", cancellation.refunded() ? "REFUNDED" : "CANCELLED")
                .param("now", Timestamp.from(clock.instant()))
                .param("number", cancellation.originalOrderNumber().toUpperCase(Locale.ROOT))
                .update();
    }
}

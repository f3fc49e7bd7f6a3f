package com.agentfactory.support.order;

import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.sql.Timestamp;
import java.time.Clock;
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

    public void apply(OrderPlaced order) {
        jdbc.sql("""
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

package com.agentfactory.finance.reconciliation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ReconciliationRepository {

    private final JdbcTemplate jdbc;

    ReconciliationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The offsets of refunds booked before their order are not transactions of the source: they are left out of the
     * count, and their negative amounts net the refunds they offset (dated on the same day), so a refund booked whole
     * and then offset counts as one refund of what was left, as a refund booked short does, and one offset to nothing
     * is not counted, nor its order (a credit note has an order id of its own), as one capped to nothing when its
     * order came first is not booked: the day's figures do not depend on which of the two was read first.
     */
    List<DailyReconciliation> daily(LocalDate from, LocalDate to) {
        // ?? is the driver's escape of the jsonb operator ?, which lets the offsets' partial index (V14) serve
        return jdbc.query(
                """
                SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day,
                       currency,
                       count(*) FILTER (WHERE counted) AS transaction_count,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'revenue'), 0) AS revenue,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'refund'), 0) AS refunds,
                       count(DISTINCT order_id) FILTER (WHERE counted) AS unique_orders
                  FROM (SELECT t.occurred_at, t.currency, t.transaction_type, t.amount, t.order_id,
                               t.transaction_type <> 'refund'
                                   OR (t.metadata ->> 'offsets_refund' IS NULL
                                       AND t.amount + coalesce((SELECT sum(o.amount)
                                                                  FROM financial_transactions o
                                                                 WHERE o.metadata ?? 'offsets_refund'
                                                                   AND o.metadata ->> 'offsets_refund' = t.id::text),
                                                               0) > 0) AS counted
                          FROM financial_transactions t
                         WHERE t.occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                           AND t.occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC') day_rows
                 GROUP BY day, currency
                 ORDER BY day, currency
                """,
                (rs, row) -> new DailyReconciliation(
                        rs.getObject("day", LocalDate.class),
                        rs.getString("currency"),
                        rs.getLong("transaction_count"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("refunds"),
                        rs.getBigDecimal("revenue").subtract(rs.getBigDecimal("refunds")),
                        rs.getLong("unique_orders")),
                from.toString(),
                to.toString());
    }
}

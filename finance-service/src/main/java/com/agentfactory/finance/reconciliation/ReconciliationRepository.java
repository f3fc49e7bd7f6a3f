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
     * and then offset counts as one refund of what was left, as a refund booked short does.
     */
    List<DailyReconciliation> daily(LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day,
                       currency,
                       count(*) FILTER (WHERE transaction_type <> 'refund' OR metadata ->> 'offsets_refund' IS NULL)
                           AS transaction_count,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'revenue'), 0) AS revenue,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'refund'), 0) AS refunds,
                       count(DISTINCT order_id) AS unique_orders
                  FROM financial_transactions
                 WHERE occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                   AND occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
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

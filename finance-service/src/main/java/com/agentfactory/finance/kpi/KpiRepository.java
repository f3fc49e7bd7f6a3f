package com.agentfactory.finance.kpi;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class KpiRepository {

    private final JdbcTemplate jdbc;

    KpiRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders and customers are those with revenue in the period; guest orders count no customer. */
    List<LedgerKpis> byCurrency(LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT currency,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'revenue'), 0) AS revenue,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'refund'), 0) AS refunds,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'expense'), 0) AS expenses,
                       count(DISTINCT order_id) FILTER (WHERE transaction_type = 'revenue') AS orders,
                       count(DISTINCT customer_id) FILTER (WHERE transaction_type = 'revenue') AS customers
                  FROM financial_transactions
                 WHERE occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                   AND occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
                 GROUP BY currency
                 ORDER BY currency
                """,
                (rs, row) -> LedgerKpis.of(
                        rs.getString("currency"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("refunds"),
                        rs.getBigDecimal("expenses"),
                        rs.getLong("orders"),
                        rs.getLong("customers")),
                from.toString(),
                to.toString());
    }
}

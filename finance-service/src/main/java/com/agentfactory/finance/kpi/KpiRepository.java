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

    /**
     * Orders and customers are those with revenue in the period; guest orders count no customer. An order is known by
     * its number in any case, as its refunds and attribution find it: goods a back office adds to an order are booked
     * as a second revenue under an order id of their own and the order's number, and by id the order would count
     * twice, lowering the average order value. The numbers are compared byte by byte ("C"): they count the same, and
     * sort as cheaply as the ids did, where over a year of rows the database's own collation took about twice as long.
     */
    List<LedgerKpis> byCurrency(LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT currency,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'revenue'), 0) AS revenue,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'refund'), 0) AS refunds,
                       coalesce(sum(amount) FILTER (WHERE transaction_type = 'expense'), 0) AS expenses,
                       count(DISTINCT coalesce(upper(order_number), order_id::text) COLLATE "C")
                           FILTER (WHERE transaction_type = 'revenue') AS orders,
                       count(DISTINCT customer_id) FILTER (WHERE transaction_type = 'revenue') AS customers,
                       (SELECT coalesce(sum(CASE l.transaction_type WHEN 'revenue' THEN l.amount ELSE -l.amount END), 0)
                          FROM financial_transactions l
                         WHERE l.currency = p.currency
                           AND l.transaction_type IN ('revenue', 'refund')
                           AND l.occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
                           AND l.customer_id IN (
                               SELECT b.customer_id FROM financial_transactions b
                                WHERE b.currency = p.currency AND b.transaction_type = 'revenue'
                                  AND b.occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                                  AND b.occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'))
                           AS lifetime_net_revenue
                  FROM financial_transactions p
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
                        rs.getLong("customers"),
                        rs.getBigDecimal("lifetime_net_revenue")),
                to.toString(),
                from.toString(),
                to.toString(),
                from.toString(),
                to.toString());
    }

    /**
     * Customers seen in the period (any behaviour) and how many of them placed an order in it: the
     * conversion rate of known visitors. Guests leave no customer id and are not counted.
     */
    Conversion conversion(LocalDate from, LocalDate to) {
        return jdbc.queryForObject(
                """
                WITH visitors AS (
                    SELECT DISTINCT customer_id FROM customer_behaviors
                     WHERE occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                       AND occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC')
                SELECT count(*) AS visitors,
                       count(*) FILTER (WHERE EXISTS (
                           SELECT 1 FROM financial_transactions t
                            WHERE t.customer_id = v.customer_id AND t.transaction_type = 'revenue'
                              AND t.occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                              AND t.occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC')) AS converted
                  FROM visitors v
                """,
                (rs, row) -> Conversion.of(rs.getLong("visitors"), rs.getLong("converted")),
                from.toString(),
                to.toString(),
                from.toString(),
                to.toString());
    }

    /**
     * Return on spend per agent or channel and currency: revenue attributed under the model to orders in
     * the period, net of what their refunds took back (whenever refunded), over the expenses booked in the period
     * against that agent ({@code attributed_agent}) or channel ({@code metadata.channel}).
     */
    List<Roas> roas(String dimension, String model, LocalDate from, LocalDate to) {
        String attributionKey = dimension.equals("channel") ? "channel" : "agent";
        String expenseKey = dimension.equals("channel") ? "metadata ->> 'channel'" : "attributed_agent";
        return jdbc.query(
                """
                WITH attributed AS (
                    SELECT ra.%s AS key, ra.currency,
                           sum(ra.attributed_amount - coalesce(r.refunded, 0)) AS revenue
                      FROM revenue_attributions ra
                      LEFT JOIN (SELECT attribution_id, sum(refunded_amount) AS refunded
                                   FROM revenue_attribution_refunds GROUP BY attribution_id) r
                        ON r.attribution_id = ra.id
                     WHERE ra.attribution_model = ? AND ra.%s IS NOT NULL
                       AND ra.attributed_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                       AND ra.attributed_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
                     GROUP BY 1, 2),
                spent AS (
                    SELECT %s AS key, currency, sum(amount) AS expenses
                      FROM financial_transactions
                     WHERE transaction_type = 'expense' AND %s IS NOT NULL
                       AND occurred_at >= (?::date)::timestamp AT TIME ZONE 'UTC'
                       AND occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
                     GROUP BY 1, 2)
                SELECT coalesce(a.key, s.key) AS key, coalesce(a.currency, s.currency) AS currency,
                       coalesce(a.revenue, 0) AS revenue, coalesce(s.expenses, 0) AS expenses
                  FROM attributed a FULL JOIN spent s ON s.key = a.key AND s.currency = a.currency
                 ORDER BY 2, 1
                """.formatted(attributionKey, attributionKey, expenseKey, expenseKey),
                (rs, row) -> Roas.of(
                        rs.getString("key"),
                        rs.getString("currency"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("expenses")),
                model,
                from.toString(),
                to.toString(),
                from.toString(),
                to.toString());
    }
}

package com.agentfactory.finance.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * KPIs of one currency over a period (specification 004 §9.3, the ones the ledger can answer). Net revenue
 * is revenue minus refunds; ratios are null when their denominator is zero; money is rounded HALF_EVEN to
 * the cent, rates to four places. Adjustments are not counted in any of them. Customer lifetime value is
 * historical: the average all-time net revenue (to the period's end) of the customers who bought in the period.
 */
record LedgerKpis(
        String currency,
        BigDecimal revenue,
        BigDecimal refunds,
        BigDecimal netRevenue,
        BigDecimal expenses,
        long orders,
        long customers,
        BigDecimal averageOrderValue,
        BigDecimal netRevenuePerCustomer,
        BigDecimal refundRate,
        BigDecimal customerLifetimeValue) {

    /**
     * @param lifetimeNetRevenue the all-time net revenue, up to the period's end, of the customers who bought
     *     in the period: divided by them it is the historical customer lifetime value
     */
    static LedgerKpis of(
            String currency,
            BigDecimal revenue,
            BigDecimal refunds,
            BigDecimal expenses,
            long orders,
            long customers,
            BigDecimal lifetimeNetRevenue) {
        BigDecimal net = revenue.subtract(refunds);
        return new LedgerKpis(
                currency,
                revenue,
                refunds,
                net,
                expenses,
                orders,
                customers,
                orders == 0 ? null : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_EVEN),
                customers == 0 ? null : net.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_EVEN),
                revenue.signum() == 0 ? null : refunds.divide(revenue, 4, RoundingMode.HALF_EVEN),
                customers == 0
                        ? null
                        : lifetimeNetRevenue.divide(BigDecimal.valueOf(customers), 2, RoundingMode.HALF_EVEN));
    }
}

package com.agentfactory.finance.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Return on spend of one agent or channel in one currency: attributed revenue / expenses; null without expenses. */
record Roas(String key, String currency, BigDecimal attributedRevenue, BigDecimal expenses, BigDecimal roas) {

    static Roas of(String key, String currency, BigDecimal revenue, BigDecimal expenses) {
        return new Roas(
                key,
                currency,
                revenue,
                expenses,
                expenses.signum() == 0 ? null : revenue.divide(expenses, 4, RoundingMode.HALF_EVEN));
    }
}

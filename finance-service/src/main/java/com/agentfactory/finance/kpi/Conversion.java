package com.agentfactory.finance.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Known visitors in a period and those who ordered; the rate is null without visitors. */
record Conversion(long visitors, long converted, BigDecimal conversionRate) {

    static Conversion of(long visitors, long converted) {
        return new Conversion(
                visitors,
                converted,
                visitors == 0
                        ? null
                        : BigDecimal.valueOf(converted)
                                .divide(BigDecimal.valueOf(visitors), 4, RoundingMode.HALF_EVEN));
    }
}

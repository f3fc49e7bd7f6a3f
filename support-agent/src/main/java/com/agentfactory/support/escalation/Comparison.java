package com.agentfactory.support.escalation;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A measured value and the limit it was compared with, as text. Both are shown with as many decimals as it takes
 * for them to differ (two at least), so a 0.698 that fell below 0.70 reads "0.698 is below 0.700" and never
 * "0.70 is below 0.70"; past six decimals both are shown exactly as compared.
 */
final class Comparison {

    private static final int MIN_DECIMALS = 2;
    private static final int MAX_DECIMALS = 6;

    private Comparison() {}

    static String below(double value, double limit) {
        int decimals = MIN_DECIMALS;
        while (format(value, decimals).equals(format(limit, decimals))) {
            if (++decimals > MAX_DECIMALS) {
                return BigDecimal.valueOf(value).toPlainString() + " is below "
                        + BigDecimal.valueOf(limit).toPlainString();
            }
        }
        return format(value, decimals) + " is below " + format(limit, decimals);
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

package com.agentfactory.campaign.money;

import java.util.Currency;

/**
 * How many decimals an amount in a currency is shown with. Codes arrive from other services and are stored as
 * they came, so one the JDK does not know (or a pseudo-currency such as gold) is shown with the usual two rather
 * than failing whatever shows it.
 */
public final class MinorUnits {

    private static final int USUAL_FRACTION_DIGITS = 2;

    private MinorUnits() {}

    public static int of(String currency) {
        if (currency == null) {
            return USUAL_FRACTION_DIGITS;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            // -1 for pseudo-currencies such as gold (XAU)
            return digits < 0 ? USUAL_FRACTION_DIGITS : digits;
        } catch (IllegalArgumentException unknown) {
            return USUAL_FRACTION_DIGITS;
        }
    }
}

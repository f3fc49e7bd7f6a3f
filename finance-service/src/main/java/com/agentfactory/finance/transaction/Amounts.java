package com.agentfactory.finance.transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The ledger's money rules in one place. Order lines carry up to four decimals; the ledger keeps cents.
 * Totals are summed exactly first and rounded once, HALF_EVEN (banker's rounding), so rounding errors do
 * not drift in one direction over many orders.
 */
public final class Amounts {

    public static final BigDecimal MIN = new BigDecimal("0.01");
    public static final BigDecimal MAX = new BigDecimal("1000000.00");

    private Amounts() {}

    public static BigDecimal toCents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_EVEN);
    }

    public static boolean inRange(BigDecimal cents) {
        return cents.compareTo(MIN) >= 0 && cents.compareTo(MAX) <= 0;
    }

    /** A three-letter code is not enough: it must be a currency ISO 4217 actually defines. */
    public static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

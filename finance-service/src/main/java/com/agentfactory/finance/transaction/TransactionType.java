package com.agentfactory.finance.transaction;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of money movement; the wire and database spelling is lower case. */
public enum TransactionType {
    REVENUE,
    REFUND,
    EXPENSE,
    ADJUSTMENT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TransactionType fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

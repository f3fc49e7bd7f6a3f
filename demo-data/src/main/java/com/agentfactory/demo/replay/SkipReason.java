package com.agentfactory.demo.replay;

/** Why a line did not become part of an event; reported so a replay never drops data silently. */
public enum SkipReason {
    /** POST, M, BANK CHARGES, AMAZONFEE ...: fees and adjustments, not something the store sells. */
    NON_PRODUCT_CODE,
    /** Free samples, write-offs and manual corrections carry a zero or negative price. */
    NON_POSITIVE_PRICE,
    /** Damaged or lost stock booked as negative lines inside a normal invoice. */
    NEGATIVE_QUANTITY_IN_ORDER,
    /** A cancellation line with a non-negative quantity contradicts what a cancellation is. */
    NON_NEGATIVE_QUANTITY_IN_CANCELLATION,
    /** A zero quantity orders nothing. */
    ZERO_QUANTITY
}

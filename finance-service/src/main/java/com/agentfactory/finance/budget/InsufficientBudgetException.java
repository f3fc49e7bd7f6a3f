package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.ConflictException;
import java.math.BigDecimal;

/** The reservation does not fit what is left of the budget. */
public class InsufficientBudgetException extends ConflictException {

    private final BigDecimal available;
    private final BigDecimal requested;

    InsufficientBudgetException(String message, BigDecimal available, BigDecimal requested) {
        super(message);
        this.available = available;
        this.requested = requested;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal requested() {
        return requested;
    }
}

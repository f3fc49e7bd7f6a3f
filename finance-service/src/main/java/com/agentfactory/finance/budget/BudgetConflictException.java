package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.ConflictException;

/** The request contradicts the budget's state (allocation below what is used, a settled reservation). */
class BudgetConflictException extends ConflictException {

    BudgetConflictException(String message) {
        super(message);
    }
}

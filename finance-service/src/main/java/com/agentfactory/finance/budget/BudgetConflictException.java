package com.agentfactory.finance.budget;

/** The request contradicts the budget's state (allocation below what is used, a settled reservation). */
public class BudgetConflictException extends RuntimeException {

    BudgetConflictException(String message) {
        super(message);
    }
}

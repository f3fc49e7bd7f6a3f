package com.agentfactory.finance.budget;

public class BudgetNotFoundException extends RuntimeException {

    BudgetNotFoundException(String message) {
        super(message);
    }
}

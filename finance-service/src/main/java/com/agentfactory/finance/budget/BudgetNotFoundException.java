package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.NotFoundException;

class BudgetNotFoundException extends NotFoundException {

    BudgetNotFoundException(String message) {
        super(message);
    }
}

package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.error.ConflictException;

/** Finance did not reserve the order's cost (it does not fit the budget, or there is none): the order stays a suggestion. */
class BudgetRefusedException extends ConflictException {

    BudgetRefusedException(String reason) {
        super("the budget does not cover this purchase order: " + reason);
    }
}

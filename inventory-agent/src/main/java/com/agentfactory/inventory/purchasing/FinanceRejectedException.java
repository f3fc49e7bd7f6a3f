package com.agentfactory.inventory.purchasing;

import com.agentfactory.messaging.error.ConflictException;

/**
 * Finance answered a request about a purchase order's reservation with a refusal that is not about the budget
 * (a reservation already spent or released, one it does not know, a request it cannot read): the order's state
 * and finance's disagree, and a person has to look; asking again changes nothing.
 */
class FinanceRejectedException extends ConflictException {

    private static final int DETAIL_LIMIT = 300;

    FinanceRejectedException(String what, int status, String detail) {
        super("finance refused the " + what + " (" + status + "): "
                + (detail.length() > DETAIL_LIMIT ? detail.substring(0, DETAIL_LIMIT) : detail));
    }
}

package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.NotPermittedException;

/** The caller is admitted to the budget but did not make the reservation it asks to spend or give back. */
class ReservationHeldByAnotherException extends NotPermittedException {

    ReservationHeldByAnotherException(String message) {
        super(message);
    }
}

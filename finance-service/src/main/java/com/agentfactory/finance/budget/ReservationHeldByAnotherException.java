package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.NotPermittedException;

/**
 * The caller is admitted to the budget but did not make the reservation it asks to spend or give back. Answered
 * with a problem type of its own: a 403 that asking again under the same name never turns into a yes.
 */
public class ReservationHeldByAnotherException extends NotPermittedException {

    ReservationHeldByAnotherException(String message) {
        super(message);
    }
}

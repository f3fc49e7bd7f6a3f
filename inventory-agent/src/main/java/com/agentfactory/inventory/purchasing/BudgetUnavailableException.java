package com.agentfactory.inventory.purchasing;

/** The finance service did not answer (down, slow or its circuit open): try again later. */
public class BudgetUnavailableException extends RuntimeException {

    BudgetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

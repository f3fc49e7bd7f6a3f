package com.agentfactory.finance.customer;

/** Nothing is recorded for the customer, so there is no segment to show. */
public class CustomerNotFoundException extends RuntimeException {

    CustomerNotFoundException(String message) {
        super(message);
    }
}

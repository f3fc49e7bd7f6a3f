package com.agentfactory.finance.customer;

import com.agentfactory.messaging.error.NotFoundException;

/** Nothing is recorded for the customer, so there is no segment to show. */
class CustomerNotFoundException extends NotFoundException {

    CustomerNotFoundException(String message) {
        super(message);
    }
}

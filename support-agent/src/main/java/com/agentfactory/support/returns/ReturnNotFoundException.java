package com.agentfactory.support.returns;

import com.agentfactory.messaging.error.NotFoundException;

/** The return, or the order to return from, does not exist for this caller. */
class ReturnNotFoundException extends NotFoundException {

    ReturnNotFoundException(String message) {
        super(message);
    }
}

package com.agentfactory.support.returns;

import com.agentfactory.messaging.error.ConflictException;

/** The return's goods were booked as arrived before; its refund is already on its way. */
class ReturnAlreadyReceivedException extends ConflictException {

    ReturnAlreadyReceivedException(ReturnAuthorisation authorisation) {
        super("Return " + authorisation.returnId() + " was received at " + authorisation.receivedAt() + " by "
                + authorisation.receivedBy() + ".");
    }
}

package com.agentfactory.support.returns;

import com.agentfactory.messaging.error.ConflictException;

/** The order was cancelled since the return was authorised: the cancellation refunded what the return would. */
class ReturnNoLongerRefundableException extends ConflictException {

    ReturnNoLongerRefundableException(ReturnAuthorisation authorisation, String why) {
        super("Return " + authorisation.returnId() + " cannot be received: " + why
                + "; the cancellation refunded it already.");
    }
}

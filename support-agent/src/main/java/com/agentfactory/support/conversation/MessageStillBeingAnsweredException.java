package com.agentfactory.support.conversation;

import com.agentfactory.messaging.error.ConflictException;

/**
 * The channel delivered a message again while its first delivery is still being answered: there is no reply to give
 * yet, and taking it in a second time would open a second ticket. The channel retries later and gets the first reply.
 */
class MessageStillBeingAnsweredException extends ConflictException {

    MessageStillBeingAnsweredException(String externalId) {
        super("Message " + externalId + " is still being answered; deliver it again later for its reply.");
    }
}

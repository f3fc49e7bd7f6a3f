package com.agentfactory.support.conversation;

import com.agentfactory.messaging.error.NotFoundException;
import java.util.UUID;

class ConversationNotFoundException extends NotFoundException {

    ConversationNotFoundException(UUID id) {
        super("No conversation " + id + " for this caller.");
    }
}

package com.agentfactory.support.conversation;

import java.util.UUID;

public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(UUID id) {
        super("No conversation " + id + " for this caller.");
    }
}

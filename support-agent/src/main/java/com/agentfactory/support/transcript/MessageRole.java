package com.agentfactory.support.transcript;

/** Who wrote a message; stored under these names in {@code conversation_messages.author}. */
public enum MessageRole {
    CUSTOMER,
    BOT,
    /** A person on the support desk. */
    AGENT
}

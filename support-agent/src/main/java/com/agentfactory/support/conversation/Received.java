package com.agentfactory.support.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer message once stored: the conversation as it was when the message was taken in (another turn may change
 * it before this one is recorded) and the ticket it belongs to.
 */
record Received(Conversation conversation, UUID ticketId, UUID messageId, Instant receivedAt) {}

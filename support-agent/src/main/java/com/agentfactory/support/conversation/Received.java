package com.agentfactory.support.conversation;

import java.time.Instant;
import java.util.UUID;

/** A customer message once stored: the conversation (locked when it was read) and the ticket it belongs to. */
record Received(Conversation conversation, UUID ticketId, UUID messageId, Instant receivedAt) {}

package com.agentfactory.support.ticket;

import java.util.Optional;
import java.util.UUID;

/**
 * What the support desk needs of the conversation a ticket tracks. The conversation package provides it, so
 * tickets never reach into conversation internals and the dependency points one way only.
 */
public interface TicketConversations {

    /** The conversation's channel and sender, empty when there is no such conversation. */
    Optional<ConversationFacts> facts(UUID conversationId);

    /**
     * Locks the conversation until the caller's transaction ends. A turn being recorded locks the conversation and
     * then changes its ticket, so whoever changes a ticket and its conversation together takes this lock first, lest
     * each wait for the other.
     */
    void lock(UUID conversationId);

    /** Adds a support agent's reply to the conversation's transcript, in the caller's transaction. */
    void appendAgentReply(UUID conversationId, String agentId, String text);

    /** @param channel CHAT, EMAIL or TASK */
    record ConversationFacts(String channel, String subject, String customerEmail) {}
}

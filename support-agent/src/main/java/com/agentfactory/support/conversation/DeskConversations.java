package com.agentfactory.support.conversation;

import com.agentfactory.support.ticket.TicketConversations;
import com.agentfactory.support.transcript.MessageRole;
import com.agentfactory.support.transcript.TranscriptRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The conversations as the support desk sees them: who wrote from where, and the desk's replies. */
@Component
class DeskConversations implements TicketConversations {

    private final ConversationRepository conversations;
    private final TranscriptRepository transcripts;
    private final Clock clock;

    DeskConversations(ConversationRepository conversations, TranscriptRepository transcripts, Clock clock) {
        this.conversations = conversations;
        this.transcripts = transcripts;
        this.clock = clock;
    }

    @Override
    public Optional<ConversationFacts> facts(UUID conversationId) {
        return conversations
                .find(conversationId)
                .map(found -> new ConversationFacts(found.channel().name(), found.subject(), found.customerEmail()));
    }

    @Override
    public void lock(UUID conversationId) {
        conversations.lock(conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
    }

    @Override
    public void appendAgentReply(UUID conversationId, String agentId, String text) {
        // the conversation's lock numbers the reply after any customer message being stored at the same time
        conversations.lock(conversationId).orElseThrow(() -> new ConversationNotFoundException(conversationId));
        transcripts.append(conversationId, MessageRole.AGENT, agentId, text, null, clock.instant());
    }
}

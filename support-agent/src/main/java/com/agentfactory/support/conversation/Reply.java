package com.agentfactory.support.conversation;

import com.agentfactory.support.ticket.TicketStatus;
import com.agentfactory.support.transcript.ReplySource;
import java.util.List;
import java.util.UUID;

/**
 * What the customer gets back for one message, with what was understood and why it was handed over.
 *
 * @param messageId the stored customer message
 * @param answerSource TEMPLATE or LLM for a bot answer, HANDOVER when a person takes over
 */
public record Reply(
        UUID conversationId,
        UUID ticketId,
        UUID messageId,
        String reply,
        TicketStatus ticketStatus,
        boolean escalated,
        List<ReasonView> escalationReasons,
        String language,
        List<IntentView> intents,
        List<EntityView> entities,
        double sentiment,
        ReplySource answerSource,
        List<SourceView> sources) {

    public record ReasonView(String reason, String detail) {}

    public record IntentView(String intent, double confidence) {}

    public record EntityView(String type, String text, String value) {}

    public record SourceView(String passageId, String title, String heading, double score) {}
}

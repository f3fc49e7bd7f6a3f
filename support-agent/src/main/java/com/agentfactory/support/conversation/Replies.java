package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.language.ReplyPhrases;
import com.agentfactory.support.ticket.TicketTurn;
import com.agentfactory.support.transcript.ReplySource;
import java.util.List;

/** What the bot says for a turn, given who answers it now, in the language the reply is written in. */
final class Replies {

    private Replies() {}

    /** @param language the message's detected language, null when unknown (the store's default is used) */
    static Chosen choose(
            TicketTurn.Handling handling,
            List<Escalation> escalations,
            DraftAnswer draft,
            ReplyPhrases phrases,
            String language) {
        return switch (handling) {
            case WITH_PERSON -> new Chosen(phrases.phrase("handover.with_person", language), ReplySource.HANDOVER);
            case HANDED_OVER ->
                new Chosen(
                        phrases.phrase(
                                escalations.stream().anyMatch(e -> e.reason() == EscalationReason.UNSUPPORTED_LANGUAGE)
                                        ? "handover.unknown_language"
                                        : "handover",
                                language),
                        ReplySource.HANDOVER);
            case BOT_ANSWERS ->
                new Chosen(draft.text(), ReplySource.valueOf(draft.source().name()));
        };
    }

    /**
     * When the pipeline failed nothing of the message was understood, its language included: the reply is in the
     * language the conversation was last understood in, else in the store's default.
     *
     * @param language the language of the conversation's latest understood message, null when there is none
     */
    static String afterFailure(ReplyPhrases phrases, String language) {
        return phrases.phrase("handover.after_failure", language);
    }

    record Chosen(String text, ReplySource source) {}
}

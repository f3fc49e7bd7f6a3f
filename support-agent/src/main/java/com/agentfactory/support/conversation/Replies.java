package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.ticket.TicketTurn;
import com.agentfactory.support.transcript.ReplySource;
import java.util.List;

/** What the bot says for a turn, given who answers it now. */
final class Replies {

    static final String HANDOVER = "Thank you. I have passed your conversation to a colleague, who will reply here "
            + "within 4 working hours.";
    static final String UNKNOWN_LANGUAGE = "Thank you for your message. We could not recognise its language, so a "
            + "colleague will read it and reply as soon as possible.";
    static final String WITH_PERSON = "Thank you, your message has been added to your conversation with our team; "
            + "a colleague will reply here.";
    static final String AFTER_FAILURE = "Thank you, we have received your message. A colleague will reply shortly.";

    private Replies() {}

    static Chosen choose(TicketTurn.Handling handling, List<Escalation> escalations, DraftAnswer draft) {
        return switch (handling) {
            case WITH_PERSON -> new Chosen(WITH_PERSON, ReplySource.HANDOVER);
            case HANDED_OVER ->
                new Chosen(
                        escalations.stream().anyMatch(e -> e.reason() == EscalationReason.UNSUPPORTED_LANGUAGE)
                                ? UNKNOWN_LANGUAGE
                                : HANDOVER,
                        ReplySource.HANDOVER);
            case BOT_ANSWERS ->
                new Chosen(draft.text(), ReplySource.valueOf(draft.source().name()));
        };
    }

    record Chosen(String text, ReplySource source) {}
}

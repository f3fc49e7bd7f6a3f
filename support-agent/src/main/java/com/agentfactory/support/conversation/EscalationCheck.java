package com.agentfactory.support.conversation;

import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationPolicy;
import com.agentfactory.support.intent.IntentScore;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a drafted turn calls for a person: counts the conversation's failed attempts, then applies the
 * escalation rules. Whether the ticket really goes to a person is the ticket's call (one may have it already).
 * Asked with the conversation locked for recording the turn, as the count adds to what the turns recorded before
 * this one left.
 */
@Component
class EscalationCheck {

    private final EscalationPolicy policy;

    EscalationCheck(EscalationPolicy policy) {
        this.policy = policy;
    }

    Decision decide(InboundMessage message, Conversation conversation, DraftedTurn turn) {
        int failedAttempts = failedAttempts(conversation, turn);
        List<Escalation> escalations =
                policy.evaluate(message.text(), turn.understanding(), message.customer(), failedAttempts);
        return new Decision(failedAttempts, escalations);
    }

    /** The conversation's failed attempts with this turn's counted in. */
    static int failedAttempts(Conversation conversation, DraftedTurn turn) {
        int failed = conversation.failedAttempts();
        Optional<IntentScore> top = turn.understanding().topIntent();
        if (!turn.draft().grounded()) {
            return failed + 1;
        }
        // asking the same thing again means the previous answer did not help
        if (!turn.slotFilled() && top.isPresent() && top.get().intent().equals(conversation.lastIntent())) {
            return failed + 1;
        }
        return failed;
    }

    /** @param escalations the reasons for a person, empty when the bot may answer */
    record Decision(int failedAttempts, List<Escalation> escalations) {}
}

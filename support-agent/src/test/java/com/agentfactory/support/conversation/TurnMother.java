package com.agentfactory.support.conversation;

import com.agentfactory.support.answer.AnswerSource;
import com.agentfactory.support.answer.DraftAnswer;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Conversations and drafted turns as the pipeline hands them on. */
final class TurnMother {

    private TurnMother() {}

    static Conversation conversation(String lastIntent, int failedAttempts) {
        return new Conversation(
                UUID.randomUUID(),
                Channel.CHAT,
                null,
                null,
                null,
                failedAttempts,
                lastIntent,
                lastIntent == null ? null : 0.9,
                null,
                null,
                Instant.parse("2026-01-05T10:00:00Z"));
    }

    static DraftedTurn grounded(MessageUnderstanding understanding) {
        return new DraftedTurn(understanding, answer("Here is how returns work.", true), false, null, null);
    }

    static DraftedTurn ungrounded(MessageUnderstanding understanding) {
        return new DraftedTurn(understanding, answer("Could you say that another way?", false), false, null, null);
    }

    static DraftedTurn filledSlot(MessageUnderstanding understanding) {
        return new DraftedTurn(understanding, answer("Your order is on its way.", true), true, "LH-10234", null);
    }

    static DraftAnswer answer(String text, boolean grounded) {
        return new DraftAnswer(text, AnswerSource.TEMPLATE, "return", List.of(), grounded);
    }
}

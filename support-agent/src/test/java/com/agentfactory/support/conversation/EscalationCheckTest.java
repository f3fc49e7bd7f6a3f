package com.agentfactory.support.conversation;

import static com.agentfactory.support.conversation.TurnMother.conversation;
import static com.agentfactory.support.conversation.TurnMother.filledSlot;
import static com.agentfactory.support.conversation.TurnMother.grounded;
import static com.agentfactory.support.conversation.TurnMother.ungrounded;
import static com.agentfactory.support.testdata.UnderstandingMother.confident;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscalationCheckTest {

    @Test
    void countsAnAnswerThatFoundNothingAsAFailedAttempt() {
        assertThat(EscalationCheck.failedAttempts(conversation(null, 1), ungrounded(confident("track_order"))))
                .isEqualTo(2);
    }

    @Test
    void countsTheSameQuestionAskedAgainAsAFailedAttempt() {
        assertThat(EscalationCheck.failedAttempts(conversation("track_order", 1), grounded(confident("track_order"))))
                .isEqualTo(2);
    }

    @Test
    void doesNotCountANewQuestionAnsweredWell() {
        assertThat(EscalationCheck.failedAttempts(conversation("track_order", 1), grounded(confident("get_refund"))))
                .isEqualTo(1);
    }

    @Test
    void doesNotCountAnOrderNumberThatAnswersTheBotsQuestion() {
        // the filled slot carries the previous intent over, which is not the customer repeating themselves
        assertThat(EscalationCheck.failedAttempts(conversation("track_order", 1), filledSlot(confident("track_order"))))
                .isEqualTo(1);
    }
}

package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.ticket.TicketTurn.Handling;
import com.agentfactory.support.transcript.ReplySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final List<Escalation> LOW_CONFIDENCE =
            List.of(new Escalation(EscalationReason.LOW_CONFIDENCE, "top intent x at 0.40 is below 0.70"));

    @Test
    void sendsTheDraftedAnswerWhenTheBotAnswers() {
        var chosen = Replies.choose(Handling.BOT_ANSWERS, List.of(), TurnMother.answer("Here you are.", true));

        assertThat(chosen).isEqualTo(new Replies.Chosen("Here you are.", ReplySource.TEMPLATE));
    }

    @Test
    void sendsTheHandoverNoticeInsteadOfTheDraftWhenHandedOver() {
        var chosen = Replies.choose(Handling.HANDED_OVER, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true));

        assertThat(chosen).isEqualTo(new Replies.Chosen(Replies.HANDOVER, ReplySource.HANDOVER));
    }

    @Test
    void saysTheLanguageWasNotRecognisedWhenThatIsAReason() {
        var reasons = List.of(new Escalation(EscalationReason.UNSUPPORTED_LANGUAGE, "none of the store's"));

        var chosen = Replies.choose(Handling.HANDED_OVER, reasons, TurnMother.answer("Here you are.", true));

        assertThat(chosen.text()).isEqualTo(Replies.UNKNOWN_LANGUAGE);
    }

    @Test
    void staysOutOfAConversationAPersonHasWhateverTheRulesSay() {
        var chosen = Replies.choose(Handling.WITH_PERSON, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true));

        assertThat(chosen).isEqualTo(new Replies.Chosen(Replies.WITH_PERSON, ReplySource.HANDOVER));
    }
}

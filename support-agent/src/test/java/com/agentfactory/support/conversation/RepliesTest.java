package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.escalation.Escalation;
import com.agentfactory.support.escalation.EscalationReason;
import com.agentfactory.support.language.ReplyPhrases;
import com.agentfactory.support.ticket.TicketTurn.Handling;
import com.agentfactory.support.transcript.ReplySource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final ReplyPhrases PHRASES = new ReplyPhrases(List.of("en", "de", "fr", "es", "nl", "it"));
    private static final List<Escalation> LOW_CONFIDENCE =
            List.of(new Escalation(EscalationReason.LOW_CONFIDENCE, "top intent x at 0.40 is below 0.70"));

    @Test
    void sendsTheDraftedAnswerWhenTheBotAnswers() {
        var chosen = Replies.choose(
                Handling.BOT_ANSWERS, List.of(), TurnMother.answer("Here you are.", true), PHRASES, "en");

        assertThat(chosen).isEqualTo(new Replies.Chosen("Here you are.", ReplySource.TEMPLATE));
    }

    @Test
    void sendsTheHandoverNoticeInsteadOfTheDraftWhenHandedOver() {
        var chosen = Replies.choose(
                Handling.HANDED_OVER, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true), PHRASES, "en");

        assertThat(chosen.source()).isEqualTo(ReplySource.HANDOVER);
        assertThat(chosen.text()).startsWith("Thank you. I have passed your conversation to a colleague");
    }

    @Test
    void handsOverInTheMessagesLanguage() {
        var chosen = Replies.choose(
                Handling.HANDED_OVER, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true), PHRASES, "de");

        assertThat(chosen.text()).startsWith("Vielen Dank. Ich habe Ihr Anliegen");
    }

    @Test
    void handsOverInTheStoresDefaultLanguageWhenTheMessagesLanguageIsUnknown() {
        var chosen = Replies.choose(
                Handling.HANDED_OVER, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true), PHRASES, null);

        assertThat(chosen.text()).startsWith("Thank you. I have passed");
    }

    @Test
    void saysTheLanguageWasNotRecognisedWhenThatIsAReason() {
        var reasons = List.of(new Escalation(EscalationReason.UNSUPPORTED_LANGUAGE, "none of the store's"));

        var chosen =
                Replies.choose(Handling.HANDED_OVER, reasons, TurnMother.answer("Here you are.", true), PHRASES, "en");

        assertThat(chosen.text()).startsWith("Thank you for your message. We could not recognise its language");
    }

    @Test
    void staysOutOfAConversationAPersonHasWhateverTheRulesSay() {
        var chosen = Replies.choose(
                Handling.WITH_PERSON, LOW_CONFIDENCE, TurnMother.answer("Here you are.", true), PHRASES, "en");

        assertThat(chosen)
                .isEqualTo(new Replies.Chosen(PHRASES.phrase("handover.with_person", "en"), ReplySource.HANDOVER));
    }
}

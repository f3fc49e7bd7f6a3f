package com.agentfactory.support.answer;

import static com.agentfactory.support.answer.AnswerContextMother.placedOrder;
import static com.agentfactory.support.answer.AnswerContextMother.question;
import static com.agentfactory.support.answer.AnswerContextMother.returnsPassage;
import static com.agentfactory.support.testdata.UnderstandingMother.aboutOrder;
import static com.agentfactory.support.testdata.UnderstandingMother.confident;
import static com.agentfactory.support.testdata.UnderstandingMother.in;
import static com.agentfactory.support.testdata.UnderstandingMother.withIntents;
import static com.agentfactory.support.testdata.UnderstandingMother.withSentiment;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.language.ReplyPhrases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerTemplatesTest {

    private final AnswerTemplates templates =
            new AnswerTemplates(new ReplyPhrases(List.of("en", "de", "fr", "es", "nl", "it")));

    @Test
    void answersWithTheIntentLineAndTheBestPassage() {
        var answer = templates.render(question(confident("check_refund_policy"), List.of(returnsPassage())));

        assertThat(answer.text()).startsWith("Here is how returns work.").contains("within 30 days of delivery");
        assertThat(answer.templateId()).isEqualTo("return");
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.sources()).containsExactly(returnsPassage());
    }

    @Test
    void fillsTheOrderStatusFromTheOrderTheMessageNames() {
        var context = new AnswerContext(
                "Where is LH-1001?",
                aboutOrder("track_order", "LH-1001"),
                List.of(),
                Optional.of(placedOrder("LH-1001")));

        var answer = templates.render(context);

        assertThat(answer.text()).contains("Your order LH-1001 of 2 November 2026 (42.50 GBP) is being prepared");
    }

    @Test
    void saysSoWhenTheNamedOrderIsUnknown() {
        var context =
                new AnswerContext("Where is LH-9?", aboutOrder("track_order", "LH-9"), List.of(), Optional.empty());

        assertThat(templates.render(context).text()).contains("could not find an order numbered LH-9");
    }

    @Test
    void asksForTheOrderNumberWhenNoneWasGiven() {
        var answer = templates.render(question(confident("track_order"), List.of()));

        assertThat(answer.text()).contains("send me your order number");
        assertThat(answer.templateId()).isEqualTo("order_status");
    }

    @Test
    void apologisesFirstToAnUnhappyCustomer() {
        var answer = templates.render(question(withSentiment("complaint", -0.6), List.of(returnsPassage())));

        assertThat(answer.text()).startsWith("I am sorry for the trouble.");
    }

    @Test
    void asksToRephraseWhenNeitherAnIntentNorAPassageFits() {
        var answer = templates.render(question(withIntents(), List.of()));

        assertThat(answer.grounded()).isFalse();
        assertThat(answer.templateId()).isEqualTo(AnswerTemplates.FALLBACK);
        assertThat(answer.text()).contains("not sure I understood");
    }

    @Test
    void answersAGermanMessageInGermanAndSaysTheQuotedHelpIsInEnglish() {
        var answer = templates.render(question(in("de", confident("check_refund_policy")), List.of(returnsPassage())));

        assertThat(answer.text())
                .startsWith("So funktionieren Rücksendungen. Aus unseren Hilfeseiten (auf Englisch):")
                .contains("within 30 days of delivery")
                .endsWith("Kann ich Ihnen sonst noch helfen?");
    }

    @Test
    void writesTheOrderStatusInTheMessagesLanguageWithItsDateFormat() {
        var context = new AnswerContext(
                "Wo ist LH-1001?",
                in("de", aboutOrder("track_order", "LH-1001")),
                List.of(),
                Optional.of(placedOrder("LH-1001")));

        assertThat(templates.render(context).text())
                .contains("Ihre Bestellung LH-1001 vom 2. November 2026 (42.50 GBP) wird vorbereitet");
    }

    @Test
    void answersInTheStoresDefaultLanguageWhenTheMessagesLanguageHasNoPhrases() {
        var answer = templates.render(question(in("pt", confident("check_refund_policy")), List.of(returnsPassage())));

        assertThat(answer.text()).startsWith("Here is how returns work.");
    }
}

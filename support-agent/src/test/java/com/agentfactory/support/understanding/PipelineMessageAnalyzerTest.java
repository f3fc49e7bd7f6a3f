package com.agentfactory.support.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.support.entity.ExtractedEntity;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.sentiment.Sentiment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineMessageAnalyzerTest {

    private final MessageAnalyzer analyzer = Analyzers.shipped();

    @Test
    void understandsAnAngryOrderStatusQuestionWithAnOrderNumber() {
        MessageUnderstanding result =
                analyzer.analyze("Where is my order 113542617735902? I am still waiting and this is ridiculous!");

        assertThat(result.language()).contains("en");
        assertThat(result.topIntent()).hasValueSatisfying(top -> {
            assertThat(top.intent()).isEqualTo("order_status");
            assertThat(top.confidence()).isGreaterThan(0.5);
        });
        assertThat(result.intents()).hasSizeLessThanOrEqualTo(3);
        assertThat(result.entities()).anySatisfy(e -> assertThat(e.type()).isEqualTo("order_number"));
        assertThat(result.sentiment().score()).isNegative();
        assertThat(result.sentiment().frustrated()).isTrue();
    }

    @Test
    void reportsIntentsBestFirst() {
        MessageUnderstanding result = analyzer.analyze("I want to cancel my order and get my money back");

        assertThat(result.intents()).isNotEmpty();
        for (int i = 1; i < result.intents().size(); i++) {
            assertThat(result.intents().get(i).confidence())
                    .isLessThanOrEqualTo(result.intents().get(i - 1).confidence());
        }
        assertThat(result.intents()).extracting(IntentScore::intent).containsAnyOf("order_cancel", "payment_refund");
    }

    @Test
    void givesAnOutOfScopeMessageLowConfidence() {
        MessageUnderstanding result =
                analyzer.analyze("What is the capital of Australia and who painted the Mona Lisa?");

        assertThat(result.intents())
                .allSatisfy(intent -> assertThat(intent.confidence()).isLessThan(0.5));
    }

    @Test
    void detectsGermanMessages() {
        MessageUnderstanding result = analyzer.analyze("Ich möchte meine Bestellung stornieren, bitte helfen Sie mir.");

        assertThat(result.language()).contains("de");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                    de | order_status   | Wo ist meine Bestellung 536397?
                    fr | order_status   | Bonjour, où en est ma commande 536397 ?
                    es | order_status   | ¿Dónde está mi pedido 536397? Todavía no ha llegado
                    nl | order_status   | Waar blijft mijn bestelling 536397?
                    it | order_status   | Dov'è il mio ordine 536397? Non è ancora arrivato
                    de | return_request | Ich möchte meine Bestellung 536397 zurückschicken
                    fr | return_request | Je voudrais retourner ma commande 536397
                    es | return_request | Quiero devolver mi pedido 536397
                    nl | return_request | Ik wil mijn bestelling 536397 retourneren
                    it | return_request | Vorrei fare il reso dell'ordine 536397
                    """)
    void trustsTheRightIntentInEachOfTheStoresLanguages(String language, String intent, String text) {
        MessageUnderstanding result = analyzer.analyze(text);

        assertThat(result.language()).contains(language);
        // below the threshold the chat would hand the message over instead of answering it
        assertThat(result.topIntent()).hasValueSatisfying(top -> {
            assertThat(top.intent()).isEqualTo(intent);
            assertThat(top.confidence()).isGreaterThanOrEqualTo(analyzer.outOfScopeThreshold());
        });
    }

    @Test
    void returnsAnEmptyUnderstandingForBlankText() {
        MessageUnderstanding result = analyzer.analyze("   \n ");

        assertThat(result.language()).isEmpty();
        assertThat(result.intents()).isEmpty();
        assertThat(result.entities()).isEmpty();
        assertThat(result.sentiment()).isEqualTo(new Sentiment(0, false, false));
    }

    @Test
    void refusesTextLongerThanTheLimit() {
        String huge = "where is my order ".repeat(Analyzers.MAX_TEXT_LENGTH);

        assertThatThrownBy(() -> analyzer.analyze(huge))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::message)
                        .containsExactly("too_long"));
    }

    @Test
    void readsIntentAndLanguageFromTheOpeningOfALongMessageButEntitiesFromAllOfIt() {
        // the opening alone is longer than what is classified, so the password question after it must not count
        String opening = "I want to cancel my order please, I no longer need it. ".repeat(40);
        String longMessage = opening + "How do I reset my password? The order number is 00123842.";

        MessageUnderstanding result = analyzer.analyze(longMessage);

        assertThat(opening.length()).isGreaterThan(PipelineMessageAnalyzer.CLASSIFIED_PREFIX);
        assertThat(result.topIntent()).map(IntentScore::intent).contains("order_cancel");
        assertThat(result.language()).contains("en");
        assertThat(result.entities())
                .extracting(ExtractedEntity::normalizedValue)
                .contains("00123842");
    }

    @Test
    void refusesBinaryData() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 37);
        }
        String binary = new String(bytes, StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> analyzer.analyze(binary))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.errors())
                        .extracting(FieldErrorDetail::message)
                        .containsExactly("binary"));
    }

    @Test
    void refusesAMissingText() {
        assertThatThrownBy(() -> analyzer.analyze(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsEmojiAndPunctuationWithoutLetters() {
        MessageUnderstanding result = analyzer.analyze("😡😡😡 ?!");

        assertThat(result.language()).isEmpty();
        assertThat(result.intents())
                .allSatisfy(intent -> assertThat(intent.confidence()).isBetween(0.0, 1.0));
    }
}

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

    // messages of data/intents/multilingual-test.csv, which the model was not trained on
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                    de | order_status   | Welchen Status hat meine Bestellung vom Montag?
                    fr | order_status   | Pouvez-vous me dire où en est mon colis ?
                    es | order_status   | Hola, sigo esperando mi pedido 448120, ¿cuándo llega?
                    nl | order_status   | track en trace voor order 77315 graag
                    it | order_status   | Potete dirmi dov'è il mio pacco adesso?
                    de | return_request | Artikel aus Bestellung 29031 ist defekt, ich will ihn retournieren
                    fr | return_request | Je voudrais renvoyer les chaussures, elles ne me vont pas
                    es | return_request | El artículo del pedido 29031 viene defectuoso, lo quiero devolver
                    nl | return_request | Ik wil de schoenen terugsturen, ze passen niet
                    it | return_request | Vorrei restituire le scarpe, non mi stanno
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

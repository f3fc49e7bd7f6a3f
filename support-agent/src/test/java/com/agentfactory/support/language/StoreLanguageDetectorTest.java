package com.agentfactory.support.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoreLanguageDetectorTest {

    private static final StoreLanguageDetector DETECTOR =
            new StoreLanguageDetector(List.of("en", "de", "fr", "es", "nl", "it"), 0.02);

    @Test
    void detectsEachStoreLanguage() {
        assertThat(DETECTOR.detect("Where is my parcel? It should have arrived last week."))
                .contains("en");
        assertThat(DETECTOR.detect("Wo ist mein Paket? Es sollte letzte Woche ankommen."))
                .contains("de");
        assertThat(DETECTOR.detect("Où est mon colis ? Il devait arriver la semaine dernière."))
                .contains("fr");
        assertThat(DETECTOR.detect("¿Dónde está mi paquete? Debería haber llegado la semana pasada."))
                .contains("es");
        assertThat(DETECTOR.detect("Waar is mijn pakket? Het had vorige week moeten aankomen."))
                .contains("nl");
        assertThat(DETECTOR.detect("Dov'è il mio pacco? Doveva arrivare la settimana scorsa."))
                .contains("it");
    }

    @Test
    void detectsShortMessagesOfAFewWords() {
        assertThat(DETECTOR.detect("What is the status of my order?")).contains("en");
        assertThat(DETECTOR.detect("Wo ist meine Bestellung?")).contains("de");
        assertThat(DETECTOR.detect("Où est ma commande ?")).contains("fr");
        assertThat(DETECTOR.detect("Waar is mijn bestelling?")).contains("nl");
    }

    @Test
    void saysNothingForAScriptNoStoreLanguageUses() {
        assertThat(DETECTOR.detect("Где моя посылка? Она должна была прийти на прошлой неделе."))
                .isEmpty();
        assertThat(DETECTOR.detect("我的包裹在哪里？")).isEmpty();
    }

    @Test
    void saysNothingForTextWithoutWords() {
        assertThat(DETECTOR.detect("12345 !!! ??")).isEmpty();
        assertThat(DETECTOR.detect("")).isEmpty();
    }

    @Test
    void aSingleLanguageStoreAlwaysAnswersItsLanguage() {
        var detector = new StoreLanguageDetector(List.of("de"), 0.05);

        assertThat(detector.detect("Hallo, wo ist meine Bestellung?")).contains("de");
    }

    @Test
    void refusesAnUnknownLanguageCode() {
        assertThatThrownBy(() -> new StoreLanguageDetector(List.of("en", "xx"), 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xx");
    }
}

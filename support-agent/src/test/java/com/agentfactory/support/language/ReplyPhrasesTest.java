package com.agentfactory.support.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReplyPhrasesTest {

    private static final List<String> STORE = List.of("en", "de", "fr", "es", "nl", "it");

    @Test
    void everyStoreLanguageHasEveryPhraseOfTheDefaultLanguage() throws IOException {
        Properties english = load("en");
        for (String language : STORE) {
            assertThat(load(language).stringPropertyNames())
                    .as("phrases of %s", language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        }
    }

    @Test
    void picksTheDetectedLanguageAndFillsThePlaceholders() {
        var phrases = new ReplyPhrases(STORE);

        assertThat(phrases.phrase("answer.about_order", "de", Map.of("order_number", "536397")))
                .isEqualTo("Zur Bestellung 536397:");
        assertThat(phrases.replyLanguage("fr")).isEqualTo("fr");
    }

    @Test
    void fallsBackToTheFirstConfiguredLanguageForAnUnknownOrUnservedOne() {
        var phrases = new ReplyPhrases(List.of("de", "en"));

        assertThat(phrases.replyLanguage(null)).isEqualTo("de");
        assertThat(phrases.replyLanguage("fr"))
                .as("French is not a language of this store")
                .isEqualTo("de");
        assertThat(phrases.phrase("answer.anything_else", "pt")).isEqualTo("Kann ich Ihnen sonst noch helfen?");
    }

    @Test
    void refusesADefaultLanguageWithoutPhrases() {
        assertThatThrownBy(() -> new ReplyPhrases(List.of("pt", "en")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pt");
    }

    private static Properties load(String language) throws IOException {
        var properties = new Properties();
        try (InputStream in = ReplyPhrasesTest.class.getResourceAsStream("/i18n/replies_" + language + ".properties")) {
            assertThat(in).as("phrases of %s", language).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}

package com.agentfactory.support.language;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot says, per store language: one {@code i18n/replies_<language>.properties} file each. A reply is
 * written in the message's detected language when the store serves it and has its phrases, else in the store's
 * default language (the first configured). Placeholders are {@code {name}}.
 */
public final class ReplyPhrases {

    private static final Logger log = LoggerFactory.getLogger(ReplyPhrases.class);
    private static final String BUNDLE = "i18n.replies";

    private final String defaultLanguage;
    private final Map<String, ResourceBundle> bundles = new LinkedHashMap<>();

    /** @param storeLanguages ISO 639-1 codes, the default first; it must have phrases */
    public ReplyPhrases(List<String> storeLanguages) {
        if (storeLanguages.isEmpty()) {
            throw new IllegalArgumentException("at least one store language is needed");
        }
        for (String language : storeLanguages) {
            String code = language.strip().toLowerCase(Locale.ROOT);
            try {
                // no fallback to the JVM's locale or a base file: a language has its own phrases or none
                bundles.put(
                        code,
                        ResourceBundle.getBundle(
                                BUNDLE,
                                Locale.forLanguageTag(code),
                                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                log.warn("No reply phrases for store language {}: its messages are answered in the default", code);
            }
        }
        this.defaultLanguage = storeLanguages.getFirst().strip().toLowerCase(Locale.ROOT);
        if (!bundles.containsKey(defaultLanguage)) {
            throw new IllegalArgumentException(
                    "the default store language " + defaultLanguage + " has no reply phrases");
        }
    }

    /** The language a reply is written in: the detected one when it has phrases, else the store's default. */
    public String replyLanguage(String detected) {
        if (detected == null) {
            return defaultLanguage;
        }
        String code = detected.toLowerCase(Locale.ROOT);
        return bundles.containsKey(code) ? code : defaultLanguage;
    }

    /** The phrase in the reply language for {@code detected}; a key missing there is taken from the default. */
    public String phrase(String key, String detected, Map<String, String> values) {
        ResourceBundle bundle = bundles.get(replyLanguage(detected));
        String text = bundle.containsKey(key)
                ? bundle.getString(key)
                : bundles.get(defaultLanguage).getString(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    public String phrase(String key, String detected) {
        return phrase(key, detected, Map.of());
    }

    /** A date as the reply language writes it ("3 December 2026", "3. Dezember 2026"). */
    public String date(Instant instant, String detected) {
        String language = replyLanguage(detected);
        return DateTimeFormatter.ofPattern(phrase("date.pattern", language), Locale.forLanguageTag(language))
                .withZone(ZoneOffset.UTC)
                .format(instant);
    }
}

package com.agentfactory.support.understanding;

import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.support.entity.EntityExtractor;
import com.agentfactory.support.intent.IntentClassifier;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.language.StoreLanguageDetector;
import com.agentfactory.support.sentiment.Sentiment;
import com.agentfactory.support.sentiment.SentimentAnalyzer;
import java.util.List;
import java.util.Optional;

/** Language, intent, entities and sentiment for one message; stateless and safe to call from many threads. */
final class PipelineMessageAnalyzer implements MessageAnalyzer {

    /** Above this share of control or replacement characters the input is taken for binary data. */
    private static final double MAX_NON_TEXT_SHARE = 0.05;
    /**
     * Intent and language are read from the opening of a long message: the embedding model sees 256 tokens per
     * window anyway, and what a customer wants is almost always said first. Bounds latency for pasted e-mails.
     */
    static final int CLASSIFIED_PREFIX = 2_000;

    private final StoreLanguageDetector languages;
    private final IntentClassifier intents;
    private final EntityExtractor entities;
    private final SentimentAnalyzer sentiment;
    private final int maxTextLength;
    private final double reportingFloor;
    private final int maxIntents;

    PipelineMessageAnalyzer(
            StoreLanguageDetector languages,
            IntentClassifier intents,
            EntityExtractor entities,
            SentimentAnalyzer sentiment,
            int maxTextLength,
            double reportingFloor,
            int maxIntents) {
        this.languages = languages;
        this.intents = intents;
        this.entities = entities;
        this.sentiment = sentiment;
        this.maxTextLength = maxTextLength;
        this.reportingFloor = reportingFloor;
        this.maxIntents = maxIntents;
    }

    @Override
    public MessageUnderstanding analyze(String text) {
        check(text);
        if (text.isBlank()) {
            return new MessageUnderstanding(Optional.empty(), List.of(), List.of(), new Sentiment(0, false, false));
        }
        String opening = text.length() <= CLASSIFIED_PREFIX ? text : text.substring(0, CLASSIFIED_PREFIX);
        List<IntentScore> scored = intents.classify(opening).stream()
                .filter(s -> s.confidence() >= reportingFloor)
                .limit(maxIntents)
                .toList();
        return new MessageUnderstanding(
                languages.detect(opening), scored, entities.extract(text), sentiment.analyze(text));
    }

    @Override
    public double outOfScopeThreshold() {
        return intents.model().oosThreshold();
    }

    private void check(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a message text is required");
        }
        if (text.length() > maxTextLength) {
            throw refused(
                    "too_long",
                    "the message has " + text.length() + " characters; at most " + maxTextLength + " are accepted");
        }
        // code points, so that emoji (surrogate pairs) count as text and lone surrogates as garbage
        long nonText = text.codePoints()
                .filter(c -> c == 0xFFFD
                        || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .count();
        if (text.indexOf('\0') >= 0 || nonText > MAX_NON_TEXT_SHARE * text.length()) {
            throw refused("binary", "the message looks like binary data, not text");
        }
    }

    /** The reason code ({@code too_long}, {@code binary}) is the field error, so callers can tell them apart. */
    private static RuleViolationException refused(String reason, String message) {
        return new RuleViolationException(message, List.of(new FieldErrorDetail("message", reason)));
    }
}

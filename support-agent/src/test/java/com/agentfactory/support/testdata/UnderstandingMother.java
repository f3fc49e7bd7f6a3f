package com.agentfactory.support.testdata;

import com.agentfactory.support.entity.ExtractedEntity;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.sentiment.Sentiment;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.util.List;
import java.util.Optional;

/** What the language pipeline would report for typical messages: test data for the rules and templates. */
public final class UnderstandingMother {

    private UnderstandingMother() {}

    public static MessageUnderstanding confident(String intent) {
        return new MessageUnderstanding(
                Optional.of("en"), List.of(new IntentScore(intent, 0.92)), List.of(), neutral());
    }

    public static MessageUnderstanding withIntents(IntentScore... intents) {
        return new MessageUnderstanding(Optional.of("en"), List.of(intents), List.of(), neutral());
    }

    public static MessageUnderstanding withSentiment(String intent, double score) {
        return new MessageUnderstanding(
                Optional.of("en"),
                List.of(new IntentScore(intent, 0.92)),
                List.of(),
                new Sentiment(score, score < -0.5, false));
    }

    public static MessageUnderstanding inUnknownLanguage() {
        return new MessageUnderstanding(Optional.empty(), List.of(), List.of(), neutral());
    }

    /** What language detection reports for a short text it cannot place, though the intent is clear. */
    public static MessageUnderstanding shortWithoutLanguage(String intent) {
        return new MessageUnderstanding(Optional.empty(), List.of(new IntentScore(intent, 0.95)), List.of(), neutral());
    }

    public static MessageUnderstanding aboutOrder(String intent, String orderNumber) {
        return new MessageUnderstanding(
                Optional.of("en"),
                List.of(new IntentScore(intent, 0.92)),
                List.of(new ExtractedEntity("order_number", 0, orderNumber.length(), orderNumber, orderNumber)),
                neutral());
    }

    /** The same understanding as {@code understanding}, but of a message in {@code language}. */
    public static MessageUnderstanding in(String language, MessageUnderstanding understanding) {
        return new MessageUnderstanding(
                Optional.of(language), understanding.intents(), understanding.entities(), understanding.sentiment());
    }

    public static Sentiment neutral() {
        return new Sentiment(0.0, false, false);
    }
}

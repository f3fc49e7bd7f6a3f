package com.agentfactory.support.understanding;

import com.agentfactory.support.entity.EntityExtractor;
import com.agentfactory.support.intent.IntentClassifier;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.MiniLmTextEmbedder;
import com.agentfactory.support.language.StoreLanguageDetector;
import com.agentfactory.support.sentiment.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The analyzer with the shipped model, built once per test JVM because loading the models takes seconds. */
final class Analyzers {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);
    static final int MAX_TEXT_LENGTH = 5_000;

    private Analyzers() {}

    private static final class Holder {
        private static final PipelineMessageAnalyzer SHIPPED = build();
    }

    static PipelineMessageAnalyzer shipped() {
        return Holder.SHIPPED;
    }

    private static PipelineMessageAnalyzer build() {
        IntentModel model;
        try (var in = Analyzers.class.getResourceAsStream("/model/intent-model.bin")) {
            model = IntentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> languages = List.of("en", "de", "fr", "es", "nl", "it");
        return new PipelineMessageAnalyzer(
                new StoreLanguageDetector(languages, 0.02),
                new IntentClassifier(model, MiniLmTextEmbedder.shared()),
                new EntityExtractor(
                        CLOCK, languages.stream().map(Locale::forLanguageTag).toList()),
                new SentimentAnalyzer(),
                MAX_TEXT_LENGTH,
                0.01,
                3);
    }
}

package com.agentfactory.support.understanding;

import com.agentfactory.support.entity.EntityExtractor;
import com.agentfactory.support.intent.IntentClassifier;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.MiniLmTextEmbedder;
import com.agentfactory.support.language.ReplyPhrases;
import com.agentfactory.support.language.StoreLanguageDetector;
import com.agentfactory.support.sentiment.SentimentAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Builds the language pipeline once at start-up: the models take seconds to load and are then shared. */
@Configuration(proxyBeanMethods = false)
class UnderstandingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UnderstandingConfiguration.class);

    /** The bot's phrases in the store's languages; the first configured language is the default. */
    @Bean
    ReplyPhrases replyPhrases(UnderstandingProperties properties) {
        return new ReplyPhrases(properties.languages());
    }

    @Bean
    MessageAnalyzer messageAnalyzer(
            UnderstandingProperties properties, ResourceLoader resources, ObjectProvider<Clock> clock) {
        IntentModel model;
        try (InputStream in = resources.getResource(properties.intentModel()).getInputStream()) {
            model = IntentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the intent model " + properties.intentModel(), e);
        }
        log.info(
                "Intent model {} loaded: {} intents, trained on {} examples",
                model.version(),
                model.labels().size(),
                model.trainingExamples());
        List<Locale> locales =
                properties.languages().stream().map(Locale::forLanguageTag).toList();
        return new PipelineMessageAnalyzer(
                new StoreLanguageDetector(
                        properties.languages(),
                        properties.minimumRelativeDistance(),
                        !properties.highAccuracyLanguageDetection()),
                new IntentClassifier(model, MiniLmTextEmbedder.shared()),
                new EntityExtractor(clock.getIfAvailable(Clock::systemUTC), locales),
                new SentimentAnalyzer(),
                properties.maxTextLength(),
                properties.reportingFloor(),
                properties.maxIntents());
    }
}

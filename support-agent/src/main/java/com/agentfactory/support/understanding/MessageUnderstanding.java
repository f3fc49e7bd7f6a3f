package com.agentfactory.support.understanding;

import com.agentfactory.support.entity.ExtractedEntity;
import com.agentfactory.support.intent.IntentScore;
import com.agentfactory.support.sentiment.Sentiment;
import java.util.List;
import java.util.Optional;

/**
 * Everything the language pipeline found in one customer message.
 *
 * @param language ISO 639-1 code of the detected language, empty when the text is in none of the store's languages
 * @param intents every intent above the reporting floor, best first (multi-label: more than one can apply)
 * @param entities entities found, in text order
 * @param sentiment polarity with frustration and urgency flags
 */
public record MessageUnderstanding(
        Optional<String> language, List<IntentScore> intents, List<ExtractedEntity> entities, Sentiment sentiment) {

    public MessageUnderstanding {
        intents = List.copyOf(intents);
        entities = List.copyOf(entities);
    }

    public Optional<IntentScore> topIntent() {
        return intents.stream().findFirst();
    }
}

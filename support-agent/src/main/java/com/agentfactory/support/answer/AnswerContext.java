package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.order.OrderSummary;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.util.List;
import java.util.Optional;

/**
 * What a reply is built from.
 *
 * @param passages passages close enough to the question to quote, best first
 * @param order the order the message is about, when it names one we know
 */
public record AnswerContext(
        String text, MessageUnderstanding understanding, List<ScoredPassage> passages, Optional<OrderSummary> order) {

    public AnswerContext {
        passages = List.copyOf(passages);
    }

    Optional<String> entity(String type) {
        return understanding.entities().stream()
                .filter(entity -> entity.type().equals(type))
                .map(entity -> entity.normalizedValue() == null ? entity.text() : entity.normalizedValue())
                .findFirst();
    }

    Optional<String> topIntent() {
        return understanding.topIntent().map(intent -> intent.intent());
    }
}

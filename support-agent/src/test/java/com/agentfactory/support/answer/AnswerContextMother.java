package com.agentfactory.support.answer;

import com.agentfactory.support.knowledge.Passage;
import com.agentfactory.support.knowledge.ScoredPassage;
import com.agentfactory.support.order.OrderSummary;
import com.agentfactory.support.understanding.MessageUnderstanding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class AnswerContextMother {

    private AnswerContextMother() {}

    static ScoredPassage returnsPassage() {
        return new ScoredPassage(
                new Passage(
                        "returns-policy#1",
                        "returns-policy",
                        "Returns policy",
                        "returns",
                        "How long you have to return an item",
                        "You can return most items within 30 days of delivery for a full refund of the item price."),
                0.032,
                1,
                1,
                0.71);
    }

    static OrderSummary placedOrder(String number) {
        return new OrderSummary(
                UUID.randomUUID(),
                number,
                null,
                "PLACED",
                new BigDecimal("42.5000"),
                "GBP",
                "GB",
                Instant.parse("2026-11-02T10:15:00Z"));
    }

    static AnswerContext question(MessageUnderstanding understanding, List<ScoredPassage> passages) {
        return new AnswerContext("How do I return this?", understanding, passages, Optional.empty());
    }
}

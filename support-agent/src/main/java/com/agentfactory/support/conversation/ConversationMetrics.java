package com.agentfactory.support.conversation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The support desk's domain metrics, one observation per customer message: who answered (bot template, LLM,
 * or a hand-over), why conversations went to a person, and how confident the intent model was.
 */
@Component
class ConversationMetrics {

    static final String ANSWERS = "support.answers";
    static final String ESCALATIONS = "support.escalations";
    static final String INTENT_CONFIDENCE = "support.intent.confidence";

    private final MeterRegistry registry;

    ConversationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Channel channel, Reply reply) {
        Counter.builder(ANSWERS)
                .description("Replies to customer messages, by who answered")
                .tag("source", reply.answerSource().name().toLowerCase(Locale.ROOT))
                .tag("channel", channel.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
        // a reason counts once per hand-over; messages into a conversation a person already has count none
        reply.escalationReasons().forEach(reason -> Counter.builder(ESCALATIONS)
                .description("Conversations handed to a person, by rule that fired")
                .tag("reason", reason.reason())
                .register(registry)
                .increment());
        reply.intents().stream().findFirst().ifPresent(top -> DistributionSummary.builder(INTENT_CONFIDENCE)
                .description("Confidence of the top intent of each understood message")
                .baseUnit("ratio")
                .serviceLevelObjectives(0.5, 0.7, 0.9)
                .register(registry)
                .record(top.confidence()));
    }
}

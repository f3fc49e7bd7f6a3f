package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.ticket.TicketStatus;
import com.agentfactory.support.transcript.ReplySource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversationMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConversationMetrics metrics = new ConversationMetrics(registry);

    @Test
    void countsTheAnswerEachEscalationReasonAndTheTopIntentsConfidence() {
        metrics.record(
                Channel.CHAT,
                reply(
                        ReplySource.HANDOVER,
                        List.of(
                                new Reply.ReasonView("LOW_CONFIDENCE", "top intent x at 0.40 is below 0.70"),
                                new Reply.ReasonView("VIP_CUSTOMER", "customer on the VIP list")),
                        List.of(new Reply.IntentView("order_status", 0.4), new Reply.IntentView("refund", 0.2))));
        metrics.record(
                Channel.TASK, reply(ReplySource.TEMPLATE, List.of(), List.of(new Reply.IntentView("refund", 0.9))));

        assertThat(registry.get(ConversationMetrics.ANSWERS)
                        .tags("source", "handover", "channel", "chat")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(ConversationMetrics.ANSWERS)
                        .tags("source", "template", "channel", "task")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(ConversationMetrics.ESCALATIONS)
                        .tag("reason", "LOW_CONFIDENCE")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(ConversationMetrics.ESCALATIONS)
                        .tag("reason", "VIP_CUSTOMER")
                        .counter()
                        .count())
                .isEqualTo(1);
        var confidence = registry.get(ConversationMetrics.INTENT_CONFIDENCE).summary();
        assertThat(confidence.count()).as("the top intent only").isEqualTo(2);
        assertThat(confidence.totalAmount()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void recordsNoConfidenceForAMessageWithoutAnIntent() {
        metrics.record(Channel.EMAIL, reply(ReplySource.HANDOVER, List.of(), List.of()));

        assertThat(registry.find(ConversationMetrics.INTENT_CONFIDENCE).summary())
                .isNull();
        assertThat(registry.find(ConversationMetrics.ANSWERS).counter()).isNotNull();
    }

    private static Reply reply(ReplySource source, List<Reply.ReasonView> reasons, List<Reply.IntentView> intents) {
        return new Reply(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "text",
                reasons.isEmpty() ? TicketStatus.OPEN : TicketStatus.ESCALATED,
                !reasons.isEmpty(),
                reasons,
                "en",
                intents,
                List.of(),
                0,
                source,
                List.of());
    }
}

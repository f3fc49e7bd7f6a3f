package com.agentfactory.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.escalation.CustomerProfile;
import com.agentfactory.support.testdata.Messages;
import com.agentfactory.support.testdata.SupportIntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reply latency through the service layer (store, understand, retrieve, answer, record; no LLM) on real
 * PostgreSQL. Prints p50/p99; the bound is loose by default because the build machine is shared, set
 * {@code -Dsupport.latency.messages=2000 -Dsupport.latency.p99-limit-ms=100} to measure against the target.
 */
class ReplyLatencyIT extends SupportIntegrationTest {

    private static final List<String> MIX = List.of(
            Messages.SHIPPING_TO_SPAIN,
            Messages.RETURNS_POLICY,
            "Can I change the address for my delivery before it is dispatched?",
            "How long does a refund take to reach my card?",
            "Can I pay with PayPal or Klarna?");

    @Autowired
    ConversationService conversations;

    @Test
    void measuresReplyLatencyPerMessage() {
        int messages = Integer.getInteger("support.latency.messages", 200);
        long limitMs = Long.getLong("support.latency.p99-limit-ms", 2000);
        for (int i = 0; i < 50; i++) {
            send(i, null);
        }
        var histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        UUID conversation = null;
        for (int i = 0; i < messages; i++) {
            long started = System.nanoTime();
            Reply reply = send(i, i % 4 == 0 ? null : conversation);
            histogram.recordValue(System.nanoTime() - started);
            conversation = reply.escalated() ? null : reply.conversationId();
        }
        double p50 = histogram.getValueAtPercentile(50) / 1e6;
        double p99 = histogram.getValueAtPercentile(99) / 1e6;
        System.out.printf(
                "support reply latency over %d messages: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                histogram.getTotalCount(), p50, p99, histogram.getMaxValue() / 1e6);

        assertThat(histogram.getTotalCount()).isEqualTo(messages);
        assertThat(p99).isLessThan(limitMs);
    }

    // every text is new, as customers' messages are: a repeated text would be served from the embedder's cache
    private Reply send(int i, UUID conversationId) {
        String text = MIX.get(i % MIX.size()) + " (message " + i + ")";
        return conversations.handle(InboundMessage.chat(conversationId, CustomerProfile.guest(), "latency-test", text));
    }
}

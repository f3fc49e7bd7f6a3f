package com.agentfactory.support.touchpoint;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link CustomerContacted} to the outbox in the caller's transaction, so the touchpoint is published
 * exactly when the reply it stands for is committed.
 */
@Component
public class TouchpointReporter {

    static final String TOUCHPOINT_TYPE = "support_conversation";

    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;

    TouchpointReporter(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
    }

    /**
     * @param messageId the customer's message that was answered; it identifies the touchpoint, so reporting the
     *     same answer twice records one
     */
    public void answered(UUID messageId, UUID customerId, String channel, Instant receivedAt, Instant answeredAt) {
        var contact = new CustomerContacted(
                messageId,
                answeredAt,
                customerId,
                agent.type(),
                channel.toLowerCase(Locale.ROOT),
                TOUCHPOINT_TYPE,
                null,
                Duration.between(receivedAt, answeredAt).toMillis());
        outbox.append(
                Topics.AGENT_TOUCHPOINTS,
                contact.partitionKey(),
                MessageEnvelope.builder()
                        .messageId(UUID.randomUUID())
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(null, "finance")
                        .action(CustomerContacted.ACTION)
                        .data(codec.toTree(contact))
                        .build());
    }
}

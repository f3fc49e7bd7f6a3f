package com.agentfactory.messaging.touchpoint;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Appends an agent's {@link CustomerContacted} to its outbox, in the caller's transaction, on agent.touchpoints and
 * addressed to finance: every agent that reaches customers reports on the same envelope, so finance reads one shape.
 */
public final class TouchpointOutbox {

    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;

    public TouchpointOutbox(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
    }

    /** The reporting agent's type, the {@code agent} of its touchpoints. */
    public String agentType() {
        return agent.type();
    }

    public void append(CustomerContacted contact) {
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

    /**
     * A touchpoint id derived from what caused it and its type, so reporting the same click or open twice records
     * one touchpoint.
     */
    public static UUID eventId(String cause, String touchpointType) {
        return UUID.nameUUIDFromBytes((cause + "/" + touchpointType).getBytes(StandardCharsets.UTF_8));
    }
}

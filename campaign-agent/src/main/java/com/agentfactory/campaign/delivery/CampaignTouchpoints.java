package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reports a send, its first open and its first click on agent.touchpoints, through the outbox in the caller's
 * transaction, on the envelope the ad agent uses for its clicks, so finance attributes revenue to the campaign
 * agent and the channel. The journey is the campaign id: a journey is what this agent runs and reports on. The
 * event id is derived from the send and the kind, so reporting the same open twice records one touchpoint.
 */
@Component
class CampaignTouchpoints {

    static final String SEND = "campaign_send";
    static final String OPEN = "campaign_open";
    static final String CLICK = "campaign_click";

    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;

    CampaignTouchpoints(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
    }

    void report(UUID sendId, UUID customerId, UUID journeyId, String channel, String touchpointType, Instant at) {
        var contact = new CustomerContacted(
                UUID.nameUUIDFromBytes((sendId + "/" + touchpointType).getBytes(StandardCharsets.UTF_8)),
                at,
                customerId,
                agent.type(),
                channel,
                touchpointType,
                journeyId == null ? null : journeyId.toString(),
                null);
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

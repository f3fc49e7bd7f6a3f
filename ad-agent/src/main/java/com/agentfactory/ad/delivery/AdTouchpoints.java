package com.agentfactory.ad.delivery;

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
 * Reports ad clicks and conversions of known customers on agent.touchpoints, through the outbox in the caller's
 * transaction, so finance attributes revenue to the ad agent and its channel. The event id is derived from the
 * impression and the kind, so reporting the same click twice records one touchpoint.
 */
@Component
public class AdTouchpoints {

    public static final String CHANNEL = "ad";

    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final AgentRuntimeProperties agent;

    AdTouchpoints(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.outbox = outbox;
        this.codec = codec;
        this.agent = agent;
    }

    /** @param touchpointType {@code ad_click} or {@code ad_conversion} */
    public void report(DeliveryLedger.Impression impression, UUID customerId, String touchpointType, Instant at) {
        var contact = new CustomerContacted(
                UUID.nameUUIDFromBytes((impression.bidId() + "/" + touchpointType).getBytes(StandardCharsets.UTF_8)),
                at,
                customerId,
                agent.type(),
                CHANNEL,
                touchpointType,
                impression.campaignId().toString(),
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

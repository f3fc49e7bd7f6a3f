package com.agentfactory.campaign.delivery;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import com.agentfactory.messaging.touchpoint.TouchpointOutbox;
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

    private final TouchpointOutbox touchpoints;

    CampaignTouchpoints(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.touchpoints = new TouchpointOutbox(outbox, codec, agent);
    }

    void report(UUID sendId, UUID customerId, UUID journeyId, String channel, String touchpointType, Instant at) {
        var contact = new CustomerContacted(
                TouchpointOutbox.eventId(sendId.toString(), touchpointType),
                at,
                customerId,
                touchpoints.agentType(),
                channel,
                touchpointType,
                journeyId == null ? null : journeyId.toString(),
                null);
        touchpoints.append(contact);
    }
}

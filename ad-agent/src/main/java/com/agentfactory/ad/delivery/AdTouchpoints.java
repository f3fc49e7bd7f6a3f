package com.agentfactory.ad.delivery;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import com.agentfactory.messaging.touchpoint.TouchpointOutbox;
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

    private final TouchpointOutbox touchpoints;

    AdTouchpoints(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.touchpoints = new TouchpointOutbox(outbox, codec, agent);
    }

    /** @param touchpointType {@code ad_click} or {@code ad_conversion} */
    public void report(DeliveryLedger.Impression impression, UUID customerId, String touchpointType, Instant at) {
        var contact = new CustomerContacted(
                TouchpointOutbox.eventId(impression.bidId(), touchpointType),
                at,
                customerId,
                touchpoints.agentType(),
                CHANNEL,
                touchpointType,
                impression.campaignId().toString(),
                null);
        touchpoints.append(contact);
    }
}

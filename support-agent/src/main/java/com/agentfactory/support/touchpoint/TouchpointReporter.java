package com.agentfactory.support.touchpoint;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import com.agentfactory.messaging.touchpoint.TouchpointOutbox;
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

    private final TouchpointOutbox touchpoints;

    TouchpointReporter(OutboxWriter outbox, EnvelopeCodec codec, AgentRuntimeProperties agent) {
        this.touchpoints = new TouchpointOutbox(outbox, codec, agent);
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
                touchpoints.agentType(),
                channel.toLowerCase(Locale.ROOT),
                TOUCHPOINT_TYPE,
                null,
                Duration.between(receivedAt, answeredAt).toMillis());
        touchpoints.append(contact);
    }
}

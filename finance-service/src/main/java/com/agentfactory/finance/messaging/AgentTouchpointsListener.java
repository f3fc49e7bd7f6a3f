package com.agentfactory.finance.messaging;

import com.agentfactory.finance.attribution.AttributionService;
import com.agentfactory.finance.attribution.RecordTouchpointRequest;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.touchpoint.CustomerContacted;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns the agents' contacts with customers into attribution touchpoints, under the same rules as the touchpoint
 * API; a redelivered event is recorded once (its event id is the touchpoint's source event). An unreadable or
 * invalid event goes to agent.touchpoints.dlt.
 */
@Component
class AgentTouchpointsListener {

    private final EnvelopeCodec codec;
    private final Validator validator;
    private final AttributionService attribution;

    AgentTouchpointsListener(EnvelopeCodec codec, Validator validator, AttributionService attribution) {
        this.codec = codec;
        this.validator = validator;
        this.attribution = attribution;
    }

    @KafkaListener(topics = Topics.AGENT_TOUCHPOINTS, groupId = "finance-touchpoints")
    void onCustomerContacted(ConsumerRecord<String, String> record) {
        var received = codec.read(record.value(), CustomerContacted.ACTION, CustomerContacted.class);
        if (received.isEmpty()) {
            return;
        }
        CustomerContacted contact = received.get().payload();
        var request = new RecordTouchpointRequest(
                contact.customerId(),
                contact.agent(),
                contact.channel(),
                contact.touchpointType(),
                contact.campaignId(),
                contact.responseTimeMs(),
                Map.of("message_id", received.get().messageId().toString()),
                contact.eventId(),
                contact.occurredAt());
        Set<ConstraintViolation<RecordTouchpointRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new MalformedEnvelopeException(
                    "invalid touchpoint "
                            + violations.stream()
                                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                    .collect(Collectors.joining(", ")),
                    null);
        }
        attribution.record(request);
    }
}

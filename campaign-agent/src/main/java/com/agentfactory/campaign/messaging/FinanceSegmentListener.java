package com.agentfactory.campaign.messaging;

import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.journey.JourneyTriggers;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.finance.CustomerSegmentChanged;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps finance's segment of each customer in the customer read model, each change applied once (the claim and the
 * effect share a transaction), and enrols customers whom the change brings into a segment-triggered journey's
 * segment, as a commerce event's change does. An unreadable record goes to finance.segments.dlt.
 */
@Component
class FinanceSegmentListener {

    static final String CONSUMER = "campaign-finance-segments";

    // a wire name, not free text: anything else is a broken sender, and parking it beats storing it
    private static final Pattern WIRE_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final CustomerReadModel customers;
    private final JourneyTriggers journeys;

    FinanceSegmentListener(
            EnvelopeCodec codec, IdempotentConsumer idempotent, CustomerReadModel customers, JourneyTriggers journeys) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.customers = customers;
        this.journeys = journeys;
    }

    // its own consumer group, starting at the earliest offset (platform default), so segments finance assigned
    // before the agent first ran are in the read model too
    @KafkaListener(topics = Topics.FINANCE_SEGMENTS, groupId = "campaign-finance-segments")
    void onSegmentChanged(ConsumerRecord<String, String> record) {
        var received = codec.read(record.value(), CustomerSegmentChanged.ACTION, CustomerSegmentChanged.class);
        if (received.isEmpty()) {
            return;
        }
        CustomerSegmentChanged change = checked(received.get().payload());
        idempotent.runOnce(received.get().messageId(), CONSUMER, () -> {
            // an older change arriving late is dropped, and then membership cannot have moved either
            if (customers.apply(change)) {
                journeys.onCustomerChanged(change.customerId());
            }
        });
    }

    private static CustomerSegmentChanged checked(CustomerSegmentChanged change) {
        if (!WIRE_NAME.matcher(change.segment()).matches()) {
            throw new MalformedEnvelopeException("customer_segment_changed whose segment is not a wire name", null);
        }
        return change;
    }
}

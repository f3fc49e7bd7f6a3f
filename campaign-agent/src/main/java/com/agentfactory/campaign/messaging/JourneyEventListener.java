package com.agentfactory.campaign.messaging;

import com.agentfactory.campaign.journey.JourneyTriggers;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Starts journeys on behaviour events (a cart abandoned) and ends waits for them, each event applied once for
 * journeys, in its own consumer group so the read model and journeys move independently. Customer and order events
 * are applied to journeys by {@link CommerceEventListener}, after the read model has taken them, since a trigger's
 * conditions read the customer's row; this listener only applies those the read model took before that listener
 * did so.
 */
@Component
class JourneyEventListener {

    static final String CONSUMER = "campaign-journeys";

    private final CommerceEventConsumer commerce;
    private final IdempotentConsumer idempotent;
    private final ProcessedMessages processed;
    private final JourneyTriggers journeys;

    JourneyEventListener(
            CommerceEventConsumer commerce,
            IdempotentConsumer idempotent,
            ProcessedMessages processed,
            JourneyTriggers journeys) {
        this.commerce = commerce;
        this.idempotent = idempotent;
        this.processed = processed;
        this.journeys = journeys;
    }

    @KafkaListener(
            topics = {Topics.COMMERCE_CUSTOMERS, Topics.COMMERCE_ORDERS, Topics.COMMERCE_BEHAVIOUR},
            groupId = "campaign-journeys")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        commerce.read(record).ifPresent(received -> {
            // Not taken by the read model yet: its listener applies the event to journeys when it takes it, and
            // takes the journeys' claim with it. Taken already: by now that listener has claimed it for journeys
            // too, and the claim below finds it, unless the read model took it before that listener did so (an
            // event from before this version), which is then applied here, once, as it always was.
            if (!Topics.COMMERCE_BEHAVIOUR.equals(received.event().type().topic())
                    && !processed.isProcessed(received.messageId(), CommerceEventListener.CONSUMER)) {
                return;
            }
            idempotent.runOnce(received.messageId(), CONSUMER, () -> journeys.onCommerceEvent(received.event()));
        });
    }
}

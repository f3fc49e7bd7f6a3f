package com.agentfactory.campaign.messaging;

import com.agentfactory.campaign.journey.JourneyTriggers;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Starts journeys on commerce events (a cart abandoned) and ends waits for them (an order placed), each event
 * applied once for journeys, in its own consumer group so the read model and journeys move independently.
 */
@Component
class JourneyEventListener {

    static final String CONSUMER = "campaign-journeys";

    private final CommerceEventConsumer commerce;
    private final JourneyTriggers journeys;

    JourneyEventListener(CommerceEventConsumer commerce, JourneyTriggers journeys) {
        this.commerce = commerce;
        this.journeys = journeys;
    }

    @KafkaListener(
            topics = {Topics.COMMERCE_CUSTOMERS, Topics.COMMERCE_ORDERS, Topics.COMMERCE_BEHAVIOUR},
            groupId = "campaign-journeys")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        commerce.applyOnce(record, CONSUMER, journeys::onCommerceEvent);
    }
}

package com.agentfactory.support.messaging.customer;

import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.support.privacy.CustomerAddresses;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns customers' addresses from their profiles, each event once in the same transaction as its effect; an
 * unreadable record goes to commerce.customers.dlt (the platform's listener policy).
 */
@Component
class CommerceCustomersListener {

    private static final String CONSUMER = "support-customers";

    private final CommerceEventConsumer events;
    private final CustomerAddresses addresses;

    CommerceCustomersListener(CommerceEventConsumer events, CustomerAddresses addresses) {
        this.events = events;
        this.addresses = addresses;
    }

    @KafkaListener(topics = Topics.COMMERCE_CUSTOMERS, groupId = "support")
    void onCustomerEvent(ConsumerRecord<String, String> record) {
        events.applyOnce(record, CONSUMER, event -> {
            if (event instanceof CustomerUpserted profile) {
                addresses.remember(profile.customerId(), profile.email(), profile.occurredAt());
            }
        });
    }
}

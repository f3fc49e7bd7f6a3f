package com.agentfactory.campaign.messaging;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.consent.ContactPermissions;
import com.agentfactory.campaign.customer.CustomerReadModel;
import com.agentfactory.campaign.journey.JourneyTriggers;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.CustomerUpserted;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer read model from the storefront's customer and order events, each applied once (the
 * claim and the effect share a transaction), lifts a hard bounce's suppression when the customer gives a new e-mail
 * address, enrols customers who enter a segment-triggered journey's segment, and then applies the event to
 * event-triggered journeys. An unreadable record goes to the topic's dead-letter topic.
 */
@Component
class CommerceEventListener {

    static final String CONSUMER = "campaign-customers";

    private final CommerceEventConsumer commerce;
    private final IdempotentConsumer idempotent;
    private final CustomerReadModel customers;
    private final JourneyTriggers journeys;
    private final ContactPermissions permissions;

    CommerceEventListener(
            CommerceEventConsumer commerce,
            IdempotentConsumer idempotent,
            CustomerReadModel customers,
            JourneyTriggers journeys,
            ContactPermissions permissions) {
        this.commerce = commerce;
        this.idempotent = idempotent;
        this.customers = customers;
        this.journeys = journeys;
        this.permissions = permissions;
    }

    // new consumer groups start at the earliest offset (platform default), so customers known before the agent
    // first ran are in the read model too
    @KafkaListener(
            topics = {Topics.COMMERCE_CUSTOMERS, Topics.COMMERCE_ORDERS},
            groupId = "campaign")
    void onCommerceEvent(ConsumerRecord<String, String> record) {
        commerce.read(record)
                .ifPresent(received -> idempotent.runOnce(received.messageId(), CONSUMER, () -> {
                    applyToReadModel(received.event());
                    // A trigger's conditions read the customer's row, so they are checked here, after the row has
                    // taken this event, in the same transaction: from the journeys' own consumer group they raced
                    // this one, and a new customer's conditions failed on a row not written yet, for good. The
                    // journeys' claim is taken here too, so their listener skips the event, and an event it applied
                    // before this listener ran (before this change was deployed) is not applied twice.
                    idempotent.runOnce(
                            received.messageId(),
                            JourneyEventListener.CONSUMER,
                            () -> journeys.onCommerceEvent(received.event()));
                }));
    }

    private void applyToReadModel(CommerceEvent event) {
        switch (event) {
            case CustomerUpserted customer -> {
                if (customers.apply(customer)) {
                    // a hard bounce was the old address's
                    permissions.addressChanged(customer.customerId(), Channel.EMAIL);
                }
                journeys.onCustomerChanged(customer.customerId());
            }
            case OrderPlaced order -> {
                customers.apply(order);
                if (order.customerId() != null) {
                    journeys.onCustomerChanged(order.customerId());
                }
            }
            case OrderCancelled cancellation -> customers.apply(cancellation);
            default -> {
                // other events do not change what segments can select on
            }
        }
    }
}

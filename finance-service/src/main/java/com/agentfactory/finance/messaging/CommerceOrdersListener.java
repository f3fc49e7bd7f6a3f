package com.agentfactory.finance.messaging;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns placed orders into revenue and cancellations into refunds. The envelope's message id is the
 * storefront's event id, so the claim makes a redelivered or replayed event a no-op; the ledger's unique
 * source_event_id is the second guard should the claim table ever be purged. A message that cannot be read
 * or booked ends on the dead-letter topic commerce.orders.dlt instead of blocking the partition.
 */
@Component
class CommerceOrdersListener {

    static final String CONSUMER = "finance-ledger";
    private static final Actor CONSUMING_AGENT = Actor.agent("finance");

    private final CommerceEventConsumer commerce;
    private final TransactionService transactions;
    private final AuditActor auditActor;

    CommerceOrdersListener(CommerceEventConsumer commerce, TransactionService transactions, AuditActor auditActor) {
        this.commerce = commerce;
        this.transactions = transactions;
        this.auditActor = auditActor;
    }

    // new consumer groups start at the earliest offset (platform default), so orders placed before finance first ran
    // are booked
    @KafkaListener(topics = Topics.COMMERCE_ORDERS, groupId = "finance")
    void onOrderEvent(ConsumerRecord<String, String> record) {
        auditActor.runAs(
                CONSUMING_AGENT,
                () -> commerce.applyOnce(record, CONSUMER, event -> {
                    switch (event) {
                        case OrderPlaced order -> transactions.recordOrderPlaced(order);
                        case OrderCancelled cancellation -> transactions.recordOrderCancelled(cancellation);
                        default -> {
                            // other order-topic events move no money
                        }
                    }
                }));
    }
}

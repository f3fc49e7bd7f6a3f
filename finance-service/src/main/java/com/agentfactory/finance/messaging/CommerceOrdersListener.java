package com.agentfactory.finance.messaging;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.messaging.commerce.CommerceEventType;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(CommerceOrdersListener.class);

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final TransactionService transactions;
    private final AuditActor auditActor;

    CommerceOrdersListener(
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            TransactionService transactions,
            AuditActor auditActor) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.auditActor = auditActor;
    }

    // new consumer groups start at the earliest offset (platform default), so orders placed before finance first ran
    // are booked
    @KafkaListener(topics = Topics.COMMERCE_ORDERS, groupId = "finance")
    void onOrderEvent(ConsumerRecord<String, String> record) {
        // an unreadable envelope or payload throws MalformedEnvelopeException: the listener error handler
        // (FinanceConfiguration) parks it on commerce.orders.dlt at once; other failures are retried first
        MessageEnvelope envelope = codec.decode(record.value());
        var type = CommerceEventType.fromWireName(envelope.action()).orElse(null);
        if (type != CommerceEventType.ORDER_PLACED && type != CommerceEventType.ORDER_CANCELLED) {
            return;
        }
        try (var ignored = TraceContext.continueFrom(
                        envelope.metadata().traceId(), envelope.metadata().spanId())
                .openScope()) {
            if (type == CommerceEventType.ORDER_PLACED) {
                OrderPlaced order = codec.fromTree(envelope.payload().data(), OrderPlaced.class);
                auditActor.runAs(
                        CONSUMING_AGENT,
                        () -> idempotent.runOnce(
                                envelope.messageId(), CONSUMER, () -> transactions.recordOrderPlaced(order)));
            } else {
                OrderCancelled cancellation = codec.fromTree(envelope.payload().data(), OrderCancelled.class);
                auditActor.runAs(
                        CONSUMING_AGENT,
                        () -> idempotent.runOnce(
                                envelope.messageId(), CONSUMER, () -> transactions.recordOrderCancelled(cancellation)));
            }
        } catch (MalformedEnvelopeException e) {
            log.warn("Order event {} has an unreadable payload: {}", envelope.messageId(), e.getMessage());
            throw e;
        }
    }
}

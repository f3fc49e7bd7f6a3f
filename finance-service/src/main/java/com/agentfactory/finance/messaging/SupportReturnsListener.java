package com.agentfactory.finance.messaging;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.returns.ReturnReceived;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Refunds returns whose goods arrived: each receipt the support agent publishes becomes one refund to its order in
 * the ledger (the receipt's event id is the transaction's source event, so a redelivery books nothing). Authorisations
 * move no money yet and are passed over. An unreadable receipt goes to support.returns.dlt.
 */
@Component
class SupportReturnsListener {

    private static final Actor CONSUMING_AGENT = Actor.agent("finance");

    private final EnvelopeCodec codec;
    private final TransactionService transactions;
    private final AuditActor auditActor;

    SupportReturnsListener(EnvelopeCodec codec, TransactionService transactions, AuditActor auditActor) {
        this.codec = codec;
        this.transactions = transactions;
        this.auditActor = auditActor;
    }

    // its own group from the earliest offset (platform default), so returns received while finance was away are booked
    @KafkaListener(topics = Topics.SUPPORT_RETURNS, groupId = "finance-returns")
    void onReturnEvent(ConsumerRecord<String, String> record) {
        var received = codec.read(record.value(), ReturnReceived.ACTION, ReturnReceived.class);
        if (received.isEmpty()) {
            return;
        }
        ReturnReceived receipt = checked(received.get().payload());
        auditActor.runAs(CONSUMING_AGENT, () -> transactions.recordReturnReceived(receipt));
    }

    private static ReturnReceived checked(ReturnReceived receipt) {
        if (receipt.refundAmount().signum() < 0 || receipt.currency().length() != 3) {
            throw new MalformedEnvelopeException("return_received with a negative refund or no ISO currency", null);
        }
        return receipt;
    }
}

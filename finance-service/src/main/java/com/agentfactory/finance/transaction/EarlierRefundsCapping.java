package com.agentfactory.finance.transaction;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Caps the refunds booked before their order whose order was booked before offsets were (V14): they were booked whole
 * and nothing took back what they refunded beyond what the order sold. Each such order gets the offsets its booking
 * would now write, in a transaction of its own under the order's lock, oldest order first.
 *
 * <p>Run at every start, before the netting of earlier refunds, so that attribution nets what they refund once capped.
 * Running again is harmless: an order whose refunds are capped is not picked up again, and an offset is keyed on the
 * refund and the order's event, so two instances starting together, or a start and a redelivered order, write it
 * once. Booked rows are never changed; an offset is a row of its own.
 */
@Component
public class EarlierRefundsCapping {

    private static final Actor FINANCE = Actor.agent("finance");
    private static final int BATCH = 500;

    private final TransactionRepository repository;
    private final TransactionService ledger;
    private final AuditActor auditActor;
    private final TransactionTemplate eachOrder;

    EarlierRefundsCapping(
            TransactionRepository repository,
            TransactionService ledger,
            AuditActor auditActor,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.ledger = ledger;
        this.auditActor = auditActor;
        this.eachOrder = new TransactionTemplate(transactions);
    }

    /** @return how many refunds were offset */
    public int capEarlierRefunds() {
        int offsets = 0;
        TransactionRepository.RevenueOfProducts last = null;
        while (true) {
            List<TransactionRepository.RevenueOfProducts> batch = repository.revenueWithRefundsBeyond(last, BATCH);
            for (TransactionRepository.RevenueOfProducts revenue : batch) {
                offsets += auditActor.callAs(
                        FINANCE, () -> eachOrder.execute(status -> ledger.capRefundsBookedBefore(revenue)));
            }
            if (batch.size() < BATCH) {
                return offsets;
            }
            // past the last one, so that a run goes through the ledger once even should an order be left uncapped
            last = batch.getLast();
        }
    }
}

package com.agentfactory.finance.attribution;

import com.agentfactory.finance.audit.Actor;
import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.EarlierRefundsCapping;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nets the refunds booked before attribution was net of refunds (V12), which nothing took back from their orders'
 * shares, as their booking would now: through the same netting, each in a transaction of its own under its order's
 * lock, oldest first so that the refunds of one order are taken in the order they were booked.
 *
 * <p>A job run at every start rather than a Flyway Java migration: the netting is this service's code on its Spring
 * beans, which a migration run before the context exists cannot use, and a copy of it in a migration could drift from
 * it. Running again is harmless: a refund is looked at once (its id is on every row it writes, or, when its order had
 * nothing left to take, on a mark that it was considered; a refund with either is not picked up again), so once all
 * are netted a start costs one query and logs nothing. Instances starting together take the orders' locks as bookings
 * do, and the second finds each refund netted.
 *
 * <p>The refunds booked before their order that were never capped at what it sold are capped first ({@link
 * EarlierRefundsCapping}), so that a refund not yet netted is netted at what it refunds once capped. One netted whole
 * before it was capped (its order attributed between refunded products being kept and V14) gets back to its order's
 * shares what it took beyond that ({@link #giveBackEarlierNetting}), once: its offsets are marked as considered in the
 * transaction that gives back, or that finds its order with nothing to give back (other refunds of it having taken
 * less than they refund), and a refund whose offsets are all marked is not picked up again.
 */
@Component
class EarlierRefundsNetting {

    private static final Logger log = LoggerFactory.getLogger(EarlierRefundsNetting.class);
    private static final Actor FINANCE = Actor.agent("finance");
    private static final int BATCH = 500;

    private final EarlierRefundsCapping capping;
    private final AttributionRepository repository;
    private final AttributionService attribution;
    private final AuditActor auditActor;
    private final TransactionTemplate eachRefund;

    EarlierRefundsNetting(
            EarlierRefundsCapping capping,
            AttributionRepository repository,
            AttributionService attribution,
            AuditActor auditActor,
            PlatformTransactionManager transactions) {
        this.capping = capping;
        this.repository = repository;
        this.attribution = attribution;
        this.auditActor = auditActor;
        this.eachRefund = new TransactionTemplate(transactions);
    }

    // before the service reports itself ready, so that reports are net of every refund when traffic comes
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            // should it fail, nothing is netted: a refund netted before it is capped would be netted whole for good
            int offset = capping.capEarlierRefunds();
            if (offset > 0) {
                log.info("{} refunds booked before their order offset where they took back more than it sold", offset);
            }
            int seen = netEarlierRefunds();
            if (seen > 0) {
                log.info(
                        "{} refunds with nothing netted taken back from their orders' shares as far as anything was left",
                        seen);
            }
            GiveBacks giveBacks = giveBackEarlierNetting();
            if (giveBacks.considered() > 0) {
                log.info(
                        "{} refunds netted whole before they were capped considered; {} gave back what they took"
                                + " beyond",
                        giveBacks.considered(),
                        giveBacks.gaveBack());
            }
        } catch (RuntimeException e) {
            // the ledger is whole either way; what is left is capped and netted at the next start
            log.warn("refunds booked earlier not all capped at their orders and netted: {}", e.getMessage(), e);
        }
    }

    /**
     * @return how many refunds with nothing netted were netted, each as far as its order had anything left to take
     */
    int netEarlierRefunds() {
        int seen = 0;
        AttributionRepository.Refund last = null;
        while (true) {
            List<AttributionRepository.RefundOfOrder> batch = repository.refundsNotNetted(last, BATCH);
            for (AttributionRepository.RefundOfOrder refund : batch) {
                auditActor.runAs(
                        FINANCE, () -> eachRefund.executeWithoutResult(status -> attribution.netBookedRefund(refund)));
            }
            seen += batch.size();
            if (batch.size() < BATCH) {
                return seen;
            }
            // past the last one, so that a run goes through the ledger once even should a refund be left unmarked
            last = batch.getLast().refund();
        }
    }

    /**
     * How many refunds netted before their offsets were written the give-back looked at, and how many of them gave
     * back to their orders' shares what they took beyond what they refund once offset.
     */
    record GiveBacks(int considered, int gaveBack) {}

    GiveBacks giveBackEarlierNetting() {
        int considered = 0;
        int gave = 0;
        AttributionRepository.Refund last = null;
        while (true) {
            List<AttributionRepository.RefundOfOrder> batch = repository.refundsNettedBeyondTheirOffsets(last, BATCH);
            for (AttributionRepository.RefundOfOrder refund : batch) {
                gave += auditActor.callAs(
                        FINANCE, () -> eachRefund.execute(status -> attribution.giveBackOfBookedRefund(refund)));
            }
            considered += batch.size();
            if (batch.size() < BATCH) {
                return new GiveBacks(considered, gave);
            }
            // past the last one, so that a run goes through the ledger once even should a refund be left unmarked
            last = batch.getLast().refund();
        }
    }
}

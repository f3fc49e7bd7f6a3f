package com.agentfactory.inventory.stock;

import com.agentfactory.messaging.purge.BatchedPurge;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets the cancellations kept for an order that never arrived: one of an order applied elsewhere, of another shop's
 * order or from a bad event would otherwise be kept for ever, and the table would grow without bound. Once forgotten,
 * a cancellation gives nothing back should its order turn up after all.
 *
 * <p>Forgets as well, after the same retention, what credit notes in the cut-over grace period gave back beyond their
 * customer's recorded orders: it is kept for the customer's orders placed before the credit note and read after it,
 * and once the retention has passed since the credit note no such order is still to be read. The table stops growing
 * once the grace period has passed, and this empties it the retention after.
 *
 * <p>Forgets, after the longer number retention since they last gave back, the cancellation numbers under which
 * cancellations and credit notes in the cut-over grace period gave back: they are kept to recognise the storefront
 * sending the same one again under another event id, which would otherwise give back twice, and the tables stop growing
 * once the grace period has passed.
 *
 * <p>Forgets too, after the same retention, the checkout reservations that were released, expired or taken by an
 * order: nothing reads a closed one but a look-up by its id, and each names the customer who checked out, which would
 * otherwise be kept for ever. An active one is kept until it closes.
 *
 * <p>Forgets, once none of their reservations is active any more, which erased customers the pseudonyms their
 * checkouts held reservations under stand for: only the checkout's order needs that link (see
 * {@code InventoryPersonalData}).
 *
 * <p>Safe on every instance: each batch skips the rows another instance is deleting or an arriving order is applying.
 */
@Component
class PendingCancellationPurge implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PendingCancellationPurge.class);

    private final OrderStock orderStock;
    private final ReservationRepository reservations;
    private final PendingCancellationProperties properties;
    private final Clock clock;

    PendingCancellationPurge(
            OrderStock orderStock,
            ReservationRepository reservations,
            PendingCancellationProperties properties,
            Clock clock) {
        this.orderStock = orderStock;
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::purge, properties.sweepInterval());
    }

    /** The rows one purge forgot, of each table. */
    record Forgotten(
            int cancellations,
            int creditNotes,
            int reservations,
            int cancellationNumbers,
            int creditNoteNumbers,
            int checkoutPseudonyms) {}

    /** Forgets what was kept longer than the retention, in batches (see {@link BatchedPurge}); returns how many. */
    Forgotten purge() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int cancellations = BatchedPurge.pass(
                "Pending order cancellations",
                properties.batchSize(),
                () -> orderStock.forgetPendingReceivedBefore(cutoff, properties.batchSize()),
                log);
        if (cancellations > 0) {
            log.info(
                    "Forgot {} cancellation(s) kept since before {} for an order that never arrived",
                    cancellations,
                    cutoff);
        }
        // a pass of its own: a failure of the one above leaves this one to run
        int creditNotes = BatchedPurge.pass(
                "Grace-period credit notes",
                properties.batchSize(),
                () -> orderStock.forgetCreditNotesCreditedBefore(cutoff, properties.batchSize()),
                log);
        if (creditNotes > 0) {
            log.info(
                    "Forgot what {} grace-period credit note line(s) from before {} gave back beyond their customer's"
                            + " recorded orders",
                    creditNotes,
                    cutoff);
        }
        int closedReservations = BatchedPurge.pass(
                "Closed stock reservations",
                properties.batchSize(),
                () -> reservations.deleteClosedBefore(cutoff, properties.batchSize()),
                log);
        if (closedReservations > 0) {
            log.info("Forgot {} reservation(s) closed before {}", closedReservations, cutoff);
        }
        Instant numbersCutoff = clock.instant().minus(properties.numberRetention());
        int cancellationNumbers = BatchedPurge.pass(
                "Grace-period cancellation numbers",
                properties.batchSize(),
                () -> orderStock.forgetCancellationNumbersGivenBackBefore(numbersCutoff, properties.batchSize()),
                log);
        int creditNoteNumbers = BatchedPurge.pass(
                "Grace-period credit note numbers",
                properties.batchSize(),
                () -> orderStock.forgetCreditNoteNumbersGivenBackBefore(numbersCutoff, properties.batchSize()),
                log);
        if (cancellationNumbers + creditNoteNumbers > 0) {
            log.info(
                    "Forgot {} grace-period cancellation and {} credit note number line(s) that last gave back"
                            + " before {}",
                    cancellationNumbers,
                    creditNoteNumbers,
                    numbersCutoff);
        }
        int checkoutPseudonyms = BatchedPurge.pass(
                "Erased customers' checkout pseudonyms",
                properties.batchSize(),
                this::forgetIdleCheckoutPseudonyms,
                log);
        if (checkoutPseudonyms > 0) {
            log.info(
                    "Forgot the checkout pseudonyms of {} erased customer(s) holding no reservation",
                    checkoutPseudonyms);
        }
        return new Forgotten(
                cancellations,
                creditNotes,
                closedReservations,
                cancellationNumbers,
                creditNoteNumbers,
                checkoutPseudonyms);
    }

    // one transaction a customer (see OrderStock#forgetCheckoutPseudonymIfIdle): one over the batch would hold every
    // customer's lock taken so far until the last one is done
    private int forgetIdleCheckoutPseudonyms() {
        int forgotten = 0;
        for (UUID customer : orderStock.customersWithIdleCheckoutPseudonyms(properties.batchSize())) {
            if (orderStock.forgetCheckoutPseudonymIfIdle(customer)) {
                forgotten++;
            }
        }
        return forgotten;
    }
}

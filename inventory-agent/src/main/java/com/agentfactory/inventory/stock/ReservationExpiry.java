package com.agentfactory.inventory.stock;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back what checkouts held longer than the reservation time: placed orders name no reservation, so one
 * their customer's order did not take would otherwise hold stock for ever.
 */
@Component
class ReservationExpiry {

    // one batch holds its stock rows until it commits, so a batch is kept short for the checkouts waiting on them
    static final int BATCH_SIZE = 100;

    // the sweep shares the scheduler's thread with the other scheduled tasks: a backlog is worked off over passes
    static final int MAX_BATCHES_PER_PASS = 20;

    // the batches skip a reservation whose stock row is locked; on a busy SKU checkouts and orders hold that row
    // nearly all the time, so one skipped past a few passes is waited for, or it would hold stock no one can buy
    static final Duration OVERDUE_GRACE = Duration.ofSeconds(30);

    // each waits for its stock row on the scheduler's thread: a pass waits on only so many
    static final int MAX_OVERDUE_PER_PASS = 20;

    // a checkout or order holds a stock row for milliseconds, so even a queue of them on a busy SKU is passed within
    // this; a row held longer is held by a long transaction, and waiting for it would hold the scheduler's thread (and
    // a connection) for as long, so its reservation is left to a later pass
    static final Duration OVERDUE_LOCK_WAIT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final ReservationService reservations;

    ReservationExpiry(ReservationService reservations) {
        this.reservations = reservations;
    }

    /**
     * Expires a batch, and again while a batch comes back full, at most {@link #MAX_BATCHES_PER_PASS} batches; then
     * those still active {@link #OVERDUE_GRACE} after they expired, one by one, waiting for their stock rows at most
     * {@link #OVERDUE_LOCK_WAIT}. After one wait runs out, the others due at the same stock row are left too for this
     * pass, as they would wait for the same transaction. Any other failure to expire one is logged, and the pass goes
     * on with the others.
     */
    @Scheduled(fixedDelayString = "${agentfactory.inventory.expiry-sweep-interval:5s}")
    void expireDue() {
        int batches = 0;
        int expired;
        do {
            expired = reservations.expireDue(BATCH_SIZE);
        } while (expired == BATCH_SIZE && ++batches < MAX_BATCHES_PER_PASS);
        Set<ReservationPlace> held = new HashSet<>();
        for (OverdueReservation overdue : reservations.overdue(OVERDUE_GRACE, MAX_OVERDUE_PER_PASS)) {
            if (held.contains(overdue.place())) {
                continue;
            }
            try {
                reservations.expire(overdue.id(), OVERDUE_LOCK_WAIT);
            } catch (StockRowStayedLockedException e) {
                held.add(overdue.place());
                log.info(
                        "Left reservation {} overdue until a later pass: stock row {} at {} stayed locked for {}",
                        overdue.id(),
                        overdue.sku(),
                        overdue.location(),
                        OVERDUE_LOCK_WAIT);
            } catch (RuntimeException e) {
                // one reservation's failure (a deadlock, a listener's) is its own: the others due still are expired,
                // and it is tried again next pass
                log.warn("Could not expire overdue reservation {}; trying it again next pass", overdue.id(), e);
            }
        }
    }
}

package com.agentfactory.campaign.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews a send's lease on a thread of its own for as long as the send is being delivered. A send may take longer
 * than its lease (the product lookup, then an SMTP session whose every step may wait its full timeout), and a lease
 * that ran out mid-call would let another dispatcher claim the send and deliver it a second time. Renewing at a
 * third of the lease leaves two renewals' worth of slack for a slow database.
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    // told to stop rather than interrupted: an interrupt closes the socket of a JDBC call under way
    private final CountDownLatch done = new CountDownLatch(1);
    private Thread renewer;

    private LeaseKeeper() {}

    /** Starts renewing: {@code renew} is called every {@code interval} until it answers false or this is closed. */
    static LeaseKeeper start(String sendName, Duration interval, BooleanSupplier renew) {
        LeaseKeeper keeper = new LeaseKeeper();
        keeper.renewer = Thread.ofVirtual()
                .name("lease-" + sendName)
                .start(() -> keeper.renewUntilDone(sendName, interval, renew));
        return keeper;
    }

    private void renewUntilDone(String sendName, Duration interval, BooleanSupplier renew) {
        try {
            while (!done.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    if (!renew.getAsBoolean()) {
                        log.warn(
                                "Send {} lost its lease while being delivered; its outcome is left to the claim that"
                                        + " holds it",
                                sendName);
                        return;
                    }
                } catch (RuntimeException e) {
                    // the next renewal may get through; the lease has slack for it
                    log.warn("Could not renew the lease of send {}", sendName, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops renewing before the send's outcome is written, so no renewal follows it. */
    @Override
    public void close() {
        done.countDown();
        try {
            renewer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

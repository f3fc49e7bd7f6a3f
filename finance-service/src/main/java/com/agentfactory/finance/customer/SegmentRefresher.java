package com.agentfactory.finance.customer;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-evaluates every known customer on a schedule, in batches, each customer in its own transaction. */
@Component
class SegmentRefresher {

    private static final Logger log = LoggerFactory.getLogger(SegmentRefresher.class);
    private static final int BATCH = 500;

    private final CustomerService customers;

    SegmentRefresher(CustomerService customers) {
        this.customers = customers;
    }

    @Scheduled(
            initialDelayString = "${agentfactory.finance.segments.refresh-initial-delay:PT5M}",
            fixedDelayString = "${agentfactory.finance.segments.refresh-interval:PT6H}")
    void refreshAll() {
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        int evaluated = 0;
        while (true) {
            List<UUID> batch = customers.customersAfter(after, BATCH);
            for (UUID customer : batch) {
                try {
                    customers.evaluate(customer, "scheduled re-evaluation");
                    evaluated++;
                } catch (RuntimeException e) {
                    log.warn("Segment of customer {} not re-evaluated: {}", customer, e.getMessage());
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.getLast();
        }
        log.info("Re-evaluated the segments of {} customer(s)", evaluated);
    }
}

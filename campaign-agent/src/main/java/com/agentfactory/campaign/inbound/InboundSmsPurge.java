package com.agentfactory.campaign.inbound;

import com.agentfactory.campaign.polling.BatchPoller;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Forgets the inbound texts received longer ago than the retention, so that {@code inbound_sms} does not grow for
 * ever; kept until then, so that a provider's repeat delivery of a message is still known for one. Safe on every
 * instance: each batch skips the rows another instance is deleting.
 */
@Component
class InboundSmsPurge extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsPurge.class);

    private final InboundSmsLog received;
    private final InboundSmsRetention retention;
    private final Clock clock;

    InboundSmsPurge(InboundSmsLog received, InboundSmsRetention retention, Clock clock) {
        super("inbound-sms-purge");
        this.received = received;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    protected boolean enabled() {
        return true;
    }

    @Override
    protected Duration pollInterval() {
        return retention.purgeInterval();
    }

    @Override
    protected int batchSize() {
        return retention.batchSize();
    }

    @Override
    protected int runBatch() {
        int forgotten =
                received.forgetReceivedBefore(clock.instant().minus(retention.retention()), retention.batchSize());
        if (forgotten > 0) {
            log.info("Forgot {} inbound text(s) received more than {} ago", forgotten, retention.retention());
        }
        return forgotten;
    }
}

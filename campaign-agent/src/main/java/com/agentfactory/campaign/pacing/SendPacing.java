package com.agentfactory.campaign.pacing;

import com.agentfactory.campaign.customer.CustomerReadModel;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asked before every customer send: may it go now, or when? Quiet hours are checked in the customer's own
 * time zone (the store's when they have none), then the channel's frequency cap over what was sent.
 */
@Component
public class SendPacing {

    private static final Logger log = LoggerFactory.getLogger(SendPacing.class);

    private final PacingProperties properties;
    private final PacingQueries queries;
    private final CustomerReadModel customers;

    SendPacing(PacingProperties properties, PacingQueries queries, CustomerReadModel customers) {
        this.properties = properties;
        this.queries = queries;
        this.customers = customers;
    }

    /**
     * Why and until when the send must wait, or empty when it may go now. A send let go counts against the
     * frequency cap from this moment, before it is delivered; the check and that mark are one transaction under a
     * lock per customer and channel, so concurrent dispatchers cannot both let go the send that passes the cap.
     */
    @Transactional
    public Optional<Deferral> admit(UUID sendId, UUID customerId, String channel, Instant now) {
        return quietHours(customerId, channel, now).or(() -> frequencyCap(sendId, customerId, channel, now));
    }

    private Optional<Deferral> quietHours(UUID customerId, String channel, Instant now) {
        PacingProperties.QuietHours quiet = properties.quietHours();
        if (!quiet.enabled() || !quiet.channels().contains(channel)) {
            return Optional.empty();
        }
        ZoneId zone = zoneOf(customerId);
        return new QuietHours(quiet.start(), quiet.end())
                .endOfQuietPeriod(now, zone)
                .map(until -> new Deferral(
                        Deferral.QUIET_HOURS,
                        "quiet hours " + quiet.start() + "-" + quiet.end() + " in " + zone + " until " + until,
                        until));
    }

    private Optional<Deferral> frequencyCap(UUID sendId, UUID customerId, String channel, Instant now) {
        PacingProperties.FrequencyCap configured = properties.frequencyCaps().get(channel);
        if (configured == null) {
            return Optional.empty();
        }
        FrequencyCap cap = new FrequencyCap(configured.max(), configured.period());
        queries.lockCustomerChannel(customerId, channel);
        List<Instant> counted = queries.countedSince(sendId, customerId, channel, now.minus(cap.period()));
        Optional<Instant> nextAllowed = cap.nextAllowed(counted, now);
        if (nextAllowed.isEmpty()) {
            queries.markPaced(sendId, now);
        }
        return nextAllowed.map(until -> new Deferral(
                Deferral.FREQUENCY_CAP,
                "frequency cap of " + cap.max() + " " + channel + " per " + cap.period() + " reached; until " + until,
                until));
    }

    private ZoneId zoneOf(UUID customerId) {
        Optional<String> own = customers.timeZone(customerId);
        if (own.isPresent()) {
            try {
                return ZoneId.of(own.get());
            } catch (DateTimeException e) {
                // zones are checked when set, but the rules database of a later JDK may drop a name
                log.warn("Customer {} has an unknown time zone {}; using the store's", customerId, own.get());
            }
        }
        return properties.storeTimeZone();
    }
}

package com.agentfactory.campaign.consent;

import com.agentfactory.campaign.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one question every send asks first: may this customer be contacted on this channel now? No consent
 * recorded means no; a suppression beats any consent; a consent recorded for a later time is not yet in force.
 */
@Component
class ContactPolicy {

    private final ConsentRepository consents;
    private final Clock clock;

    ContactPolicy(ConsentRepository consents, Clock clock) {
        this.consents = consents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ContactDecision mayContact(UUID customerId, Channel channel) {
        return decide(consents.consentsOf(customerId), consents.suppressionsOf(customerId), channel, clock.instant());
    }

    static ContactDecision decide(
            List<ConsentRecord> consents, List<Suppression> suppressions, Channel channel, Instant now) {
        Optional<Suppression> suppression =
                suppressions.stream().filter(s -> s.covers(channel.wireName())).findFirst();
        if (suppression.isPresent()) {
            return ContactDecision.refused(
                    "suppressed",
                    "suppressed (" + suppression.get().channel() + "): "
                            + suppression.get().reason());
        }
        Optional<ConsentRecord> consent =
                consents.stream().filter(c -> c.channel() == channel).findFirst();
        if (consent.isEmpty()) {
            return ContactDecision.refused("no_consent", "no consent recorded for " + channel.wireName());
        }
        ConsentRecord given = consent.get();
        if (!given.granted()) {
            return ContactDecision.refused(
                    "consent_withdrawn",
                    "consent for " + channel.wireName() + " withdrawn at " + given.recordedAt() + " (" + given.source()
                            + ")");
        }
        if (given.recordedAt().isAfter(now)) {
            return ContactDecision.refused(
                    "consent_not_in_force",
                    "consent for " + channel.wireName() + " is not in force before " + given.recordedAt());
        }
        return ContactDecision.allowed("consent for " + channel.wireName() + " granted at " + given.recordedAt() + " ("
                + given.source() + ")");
    }
}

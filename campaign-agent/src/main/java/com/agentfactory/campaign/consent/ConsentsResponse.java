package com.agentfactory.campaign.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's consents, suppressions, and what they mean for each channel now; {@code timeZone} is the customer's
 * own zone for quiet hours (null: the store's).
 */
record ConsentsResponse(
        UUID customerId,
        String timeZone,
        List<ChannelConsent> consents,
        List<SuppressionEntry> suppressions,
        List<ContactCheck> contact) {

    record ChannelConsent(String channel, boolean granted, String source, String recordedBy, Instant recordedAt) {

        static ChannelConsent of(ConsentRecord consent) {
            return new ChannelConsent(
                    consent.channel().wireName(),
                    consent.granted(),
                    consent.source(),
                    consent.recordedBy(),
                    consent.recordedAt());
        }
    }

    record SuppressionEntry(String channel, String reason, String suppressedBy, Instant suppressedAt) {

        static SuppressionEntry of(Suppression suppression) {
            return new SuppressionEntry(
                    suppression.channel(),
                    suppression.reason(),
                    suppression.suppressedBy(),
                    suppression.suppressedAt());
        }
    }

    record ContactCheck(String channel, boolean allowed, String reason) {}
}

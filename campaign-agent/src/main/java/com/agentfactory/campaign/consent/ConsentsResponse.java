package com.agentfactory.campaign.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A customer's consents, suppressions, and what they mean for each channel now; {@code timeZone} is the customer's
 * own zone for quiet hours (null: the store's). Who recorded a consent or made a suppression is a staff member's user
 * id when staff did; a customer is not shown it (see {@link #asSeenBy}).
 */
record ConsentsResponse(
        UUID customerId,
        String timeZone,
        List<ChannelConsent> consents,
        List<SuppressionEntry> suppressions,
        List<ContactCheck> contact) {

    /** Recorders and suppressors that name no member of staff: the customer's own reply or link, and a bounce. */
    private static final Set<String> NAMING_NO_STAFF = Set.of("customer", ContactPermissions.BOUNCE_SUPPRESSOR);

    /**
     * The response as the customer themselves sees it: a recorder or suppressor other than the customer (their own
     * user id or their reply) or a bounce is left out, so staff user ids do not reach customers. The reason of a
     * suppression stays: the shop shows it.
     */
    ConsentsResponse asSeenBy(String customersOwnName) {
        return new ConsentsResponse(
                customerId,
                timeZone,
                consents.stream()
                        .map(consent -> new ChannelConsent(
                                consent.channel(),
                                consent.granted(),
                                consent.source(),
                                shownToCustomer(consent.recordedBy(), customersOwnName),
                                consent.recordedAt()))
                        .toList(),
                suppressions.stream()
                        .map(suppression -> new SuppressionEntry(
                                suppression.channel(),
                                suppression.reason(),
                                shownToCustomer(suppression.suppressedBy(), customersOwnName),
                                suppression.suppressedAt()))
                        .toList(),
                contact);
    }

    private static String shownToCustomer(String actor, String customersOwnName) {
        return actor != null && (NAMING_NO_STAFF.contains(actor) || actor.equals(customersOwnName)) ? actor : null;
    }

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

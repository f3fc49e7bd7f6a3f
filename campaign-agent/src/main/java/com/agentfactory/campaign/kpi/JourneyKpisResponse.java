package com.agentfactory.campaign.kpi;

import java.util.Map;
import java.util.UUID;

/**
 * A journey's results (or all journeys', with a null id). {@code sent}: sends the channel was asked to take
 * (delivered or failed for good); {@code delivered}: accepted by the channel; {@code opened} and {@code clicked}:
 * delivered sends opened or clicked at least once (a click counts as an open); {@code converted}: customers who
 * ordered within the conversion window after a delivered send; {@code unsubscribed}: customers who unsubscribed
 * after one; {@code skipped}: skips by reason (a deferred send counts each time it was put back).
 */
record JourneyKpisResponse(
        UUID journeyId,
        long sent,
        long delivered,
        long failed,
        long pending,
        long opened,
        long clicked,
        long converted,
        long unsubscribed,
        Map<String, Long> skipped,
        Rates rates) {

    /** Shares of delivered sends, null when nothing was delivered. */
    record Rates(Double open, Double click, Double clickToOpen) {}
}

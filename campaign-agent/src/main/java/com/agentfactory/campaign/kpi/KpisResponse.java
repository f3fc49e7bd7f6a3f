package com.agentfactory.campaign.kpi;

import com.agentfactory.messaging.commerce.Money;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The results of a journey ({@code journeyId} set), of a campaign's journeys together ({@code campaignId} set, with
 * the {@code journeyIds} counted, oldest first, empty for a campaign without journeys) or of all journeys (neither
 * set). {@code sent}: sends the channel was asked to take (delivered, failed for good or bounced); {@code delivered}:
 * accepted by the channel; {@code bounced}: refused for good by the recipient's mail server (the customer is then
 * suppressed on the channel); {@code opened} and {@code clicked}: delivered sends opened or clicked at least once (a
 * click counts as an open); {@code converted}: customers who ordered within the conversion window after a delivered
 * send; {@code unsubscribed}: customers who opted out of its channel themselves after one (an unsubscribe link, a
 * STOP reply to a text); {@code skipped}: skips by reason (a deferred send counts each time it was put back);
 * {@code attributedOrders} and {@code revenue}: the orders placed within the conversion window after a delivered
 * send and what they came to net of cancellations, one amount per currency (an
 * order counts once for a journey or a campaign however many of its sends preceded it, and once in the all-journeys
 * figures; finance's multi-touch attribution of the same orders is reported from the touchpoints).
 */
record KpisResponse(
        UUID journeyId,
        UUID campaignId,
        List<UUID> journeyIds,
        long sent,
        long delivered,
        long failed,
        long bounced,
        long pending,
        long opened,
        long clicked,
        long converted,
        long unsubscribed,
        long attributedOrders,
        List<Money> revenue,
        Map<String, Long> skipped,
        Rates rates) {

    /** Shares of delivered sends, null when nothing was delivered. */
    record Rates(Double open, Double click, Double clickToOpen) {}
}

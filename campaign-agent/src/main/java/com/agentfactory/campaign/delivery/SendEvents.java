package com.agentfactory.campaign.delivery;

import com.agentfactory.campaign.channel.Channel;
import com.agentfactory.campaign.customer.CustomerReadModel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to sends, each change written with its touchpoint in one transaction: a send accepted by its
 * channel, an open, a click. Only a send to a customer channel is a contact; a webhook to our own systems is not.
 */
@Component
class SendEvents {

    private final JdbcTemplate jdbc;
    private final Sends sends;
    private final CampaignTouchpoints touchpoints;
    private final DeliveryMetrics metrics;
    private final CustomerReadModel customers;

    SendEvents(
            JdbcTemplate jdbc,
            Sends sends,
            CampaignTouchpoints touchpoints,
            DeliveryMetrics metrics,
            CustomerReadModel customers) {
        this.jdbc = jdbc;
        this.sends = sends;
        this.touchpoints = touchpoints;
        this.metrics = metrics;
        this.customers = customers;
    }

    /**
     * Marks the send sent and reports the contact, unless the claim no longer holds the send: then whatever settled
     * it meanwhile (an erasure of the customer, above all) stands, and no touchpoint names the customer.
     *
     * @return false when the claim was lost and nothing was recorded
     */
    @Transactional
    public boolean delivered(ClaimedSend send, Instant at) {
        if (!sends.markSent(send, at)) {
            return false;
        }
        if (Channel.fromWireName(send.channel()).isPresent()) {
            touchpoints.report(
                    send.id(), send.customerId(), send.journeyId(), send.channel(), CampaignTouchpoints.SEND, at);
        }
        return true;
    }

    /**
     * @return false when nothing was recorded: the send is not one we know (a link from a message whose send was
     *     removed), or its customer is no longer known (erased since the message went out)
     */
    @Transactional
    public boolean opened(UUID sendId, Instant at) {
        return record(sendId, "opened", null, CampaignTouchpoints.OPEN, at);
    }

    @Transactional
    public boolean clicked(UUID sendId, String url, Instant at) {
        // a click shows the message was opened, even when the client blocked the pixel
        record(sendId, "opened", null, CampaignTouchpoints.OPEN, at);
        return record(sendId, "clicked", url, CampaignTouchpoints.CLICK, at);
    }

    /**
     * Records an open or a click of a send whose message went out. Its link is only in the message, so a send still
     * marked sending has reached the recipient: the channel accepted it a moment before the status commits. So has
     * one put back to pending after an attempt that failed once the channel had taken the message (a timeout waiting
     * for its answer, say): the link proves that attempt delivered. What the campaign figures count of it waits for
     * the send to be marked sent (see the KPIs), so a send that ends otherwise is not counted opened without being
     * counted delivered.
     *
     * <p>The customer's row stays locked until the event commits, so an erasure under way either waits for it and
     * pseudonymises it with the customer's other events, or has deleted the customer first: then nothing is recorded,
     * as the erasure could no longer reach a row or a touchpoint written under the customer's id. The erasure locks
     * the customer's row before their sends, as this does, so the two cannot deadlock.
     */
    private boolean record(UUID sendId, String kind, String url, String touchpointType, Instant at) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "SELECT customer_id, journey_id, channel FROM sends WHERE id = ?"
                        + " AND status IN ('pending', 'sending', 'sent')",
                sendId);
        if (found.isEmpty()) {
            return false;
        }
        Map<String, Object> send = found.getFirst();
        if (!customers.lockIfKnown((UUID) send.get("customer_id"))) {
            return false;
        }
        if (kind.equals("opened")) {
            metrics.opened((String) send.get("channel"));
        } else {
            metrics.clicked((String) send.get("channel"));
        }
        // xmax = 0 only on the row this statement inserted: the first open or click of the send
        Boolean first = jdbc.queryForObject(
                """
                INSERT INTO send_events (send_id, kind, customer_id, journey_id, channel, url, first_at, last_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (send_id, kind) DO UPDATE SET
                    occurrences = send_events.occurrences + 1, last_at = EXCLUDED.last_at
                RETURNING (xmax = 0)
                """,
                Boolean.class,
                sendId,
                kind,
                send.get("customer_id"),
                send.get("journey_id"),
                send.get("channel"),
                url == null || url.length() <= 2000 ? url : url.substring(0, 2000),
                Timestamp.from(at),
                Timestamp.from(at));
        if (Boolean.TRUE.equals(first)) {
            touchpoints.report(
                    sendId,
                    (UUID) send.get("customer_id"),
                    (UUID) send.get("journey_id"),
                    (String) send.get("channel"),
                    touchpointType,
                    at);
        }
        return true;
    }
}

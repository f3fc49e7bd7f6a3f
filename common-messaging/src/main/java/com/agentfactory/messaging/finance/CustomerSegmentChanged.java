package com.agentfactory.messaging.finance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Finance assigned a customer their first segment or moved them to another one. Published on
 * {@code finance.segments}, keyed by customer, through finance's outbox in the transaction that records the change;
 * nothing is published while a customer's segment stays the same. The envelope's message id is the change's id, so a
 * redelivery is recognised; {@code occurred_at} orders one customer's changes for readers that keep only the latest.
 *
 * @param segment the segment's wire name, one of {@link #SEGMENTS} today
 * @param previousSegment the segment the customer left, null on the first assignment
 * @param reason what triggered the evaluation and why the rules chose the segment, for people to read
 */
public record CustomerSegmentChanged(
        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("segment") String segment,
        @JsonProperty("previous_segment") String previousSegment,
        @JsonProperty("reason") String reason,
        @JsonProperty("occurred_at") Instant occurredAt) {

    /** The envelope action these events travel under. */
    public static final String ACTION = "customer_segment_changed";

    /**
     * The segments finance assigns, by wire name: what readers may offer to select on. A reader still accepts an
     * event naming a segment not listed here, since finance may add one before its readers know it.
     */
    public static final List<String> SEGMENTS = List.of(
            "trade_buyer",
            "loyal_collector",
            "occasional_gift_buyer",
            "first_time_buyer",
            "lapsed_customer",
            "engaged_prospect",
            "browsing_visitor");

    public CustomerSegmentChanged {
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(occurredAt, "occurred_at");
    }

    public String partitionKey() {
        return customerId.toString();
    }
}

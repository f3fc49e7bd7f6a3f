package com.agentfactory.messaging.touchpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent was in touch with a known customer. Published on {@code agent.touchpoints}, keyed by customer, through
 * the sender's outbox; finance turns it into an attribution touchpoint, idempotent on {@code event_id}.
 *
 * @param agent the agent type, for example {@code support}
 * @param channel where the contact happened: {@code chat}, {@code email}, {@code ad}...
 * @param touchpointType what happened: {@code support_conversation}, {@code campaign_send}, {@code ad_click}...
 * @param campaignId the campaign behind a campaign or ad contact, otherwise null
 * @param responseTimeMs how long the agent took to answer, when it answered something, otherwise null
 */
public record CustomerContacted(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("customer_id") UUID customerId,
        @JsonProperty("agent") String agent,
        @JsonProperty("channel") String channel,
        @JsonProperty("touchpoint_type") String touchpointType,
        @JsonProperty("campaign_id") String campaignId,
        @JsonProperty("response_time_ms") Long responseTimeMs) {

    /** The envelope action these events travel under. */
    public static final String ACTION = "customer_contacted";

    public CustomerContacted {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(customerId, "customer_id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(touchpointType, "touchpoint_type");
    }

    public String partitionKey() {
        return customerId.toString();
    }
}

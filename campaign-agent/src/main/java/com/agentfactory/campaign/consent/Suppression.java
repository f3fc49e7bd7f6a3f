package com.agentfactory.campaign.consent;

import java.time.Instant;
import java.util.UUID;

/** A customer not to be contacted on a channel, or on any ({@code channel} "all"), whatever their consent. */
record Suppression(UUID customerId, String channel, String reason, String suppressedBy, Instant suppressedAt) {

    static final String ALL_CHANNELS = "all";

    boolean covers(String wireChannel) {
        return channel.equals(ALL_CHANNELS) || channel.equals(wireChannel);
    }
}

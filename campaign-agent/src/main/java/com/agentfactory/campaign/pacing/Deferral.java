package com.agentfactory.campaign.pacing;

import java.time.Instant;

/** A send that may not go now: why (quiet_hours or frequency_cap, with the detail) and when it may. */
public record Deferral(String reason, String detail, Instant until) {

    public static final String QUIET_HOURS = "quiet_hours";
    public static final String FREQUENCY_CAP = "frequency_cap";
}

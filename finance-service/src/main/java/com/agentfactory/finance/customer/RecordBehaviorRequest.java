package com.agentfactory.finance.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A behaviour event (specification 000 §3). {@code event_id} makes a retry safe. A behaviour an agent
 * brought about (a campaign click, a support conversation) names the agent and channel, and is then also
 * recorded as that agent's touchpoint for revenue attribution.
 */
record RecordBehaviorRequest(
        UUID eventId,
        @NotBlank @Size(max = 100) String eventType,
        @Size(max = 128) String sessionId,
        Instant occurredAt,
        @Size(max = 50) Map<String, Object> eventData,

        @Pattern(regexp = "[a-z][a-z0-9-]{0,48}", message = "must be an agent type: lower-case letters, digits, '-'")
        String agent,

        @Pattern(regexp = "[a-z][a-z0-9_-]{0,48}", message = "must be lower-case letters, digits, '-' or '_'")
        String channel) {}

package com.agentfactory.finance.attribution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An agent reports a contact with a customer: {@code touchpoint_type} such as campaign_send, campaign_click,
 * ad_click, recommendation_click, support_conversation. {@code source_event_id} makes a retry safe.
 */
public record RecordTouchpointRequest(
        @NotNull UUID customerId,

        @NotBlank
        @Pattern(regexp = "[a-z][a-z0-9-]{0,48}", message = "must be an agent type: lower-case letters, digits, '-'")
        String agent,

        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,48}", message = "must be lower-case letters, digits, '-' or '_'")
        String channel,

        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,48}", message = "must be lower-case letters, digits or '_'")
        String touchpointType,

        @Size(max = 100) String campaignId,
        @Min(0) Long responseTimeMs,
        @Size(max = 50) Map<String, Object> metadata,
        UUID sourceEventId,
        Instant occurredAt) {}

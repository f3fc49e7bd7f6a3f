package com.agentfactory.supervisor.commerce;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Up to 500 commerce events; all are stored or none. */
@Schema(
        example =
                "{\"events\": [{\"type\": \"product.viewed\", \"event_id\": \"7d0f4c8e-2b1a-4c3e-9f5d-1a2b3c4d5e6f\", \"occurred_at\": \"2026-01-15T09:30:00Z\", \"customer_id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\", \"session_id\": \"session-42\", \"product_id\": \"5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293\"}]}")
record BatchEventsRequest(
        @NotNull @NotEmpty @Size(max = 500) List<@NotNull JsonNode> events) {}

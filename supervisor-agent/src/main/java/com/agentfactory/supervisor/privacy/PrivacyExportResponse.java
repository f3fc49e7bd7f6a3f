package com.agentfactory.supervisor.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Everything the platform holds about a customer: each service's records, by service and kind. */
record PrivacyExportResponse(UUID requestId, UUID customerId, Instant completedAt, Map<String, JsonNode> services) {}

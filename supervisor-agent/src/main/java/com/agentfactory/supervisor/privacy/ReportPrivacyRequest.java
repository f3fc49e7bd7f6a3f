package com.agentfactory.supervisor.privacy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A participant's answer over HTTP: how many records it exported or erased, the exported records by kind, or why it
 * could not.
 */
record ReportPrivacyRequest(
        @Min(0) long records,
        JsonNode data,
        @Size(max = 2000) String failure) {}

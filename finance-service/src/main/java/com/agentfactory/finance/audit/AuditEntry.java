package com.agentfactory.finance.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

record AuditEntry(
        long seq,
        UUID id,
        String tableName,
        UUID recordId,
        String action,
        String userId,
        String agentId,
        JsonNode oldValues,
        JsonNode newValues,
        List<String> changedFields,
        Instant occurredAt,
        String previousHash,
        String entryHash) {}

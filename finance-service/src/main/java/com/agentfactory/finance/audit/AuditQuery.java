package com.agentfactory.finance.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of the audit trail, all optional; occurred in [from, to). */
record AuditQuery(
        String table, UUID recordId, String user, String agent, Instant from, Instant to, int page, int limit) {}

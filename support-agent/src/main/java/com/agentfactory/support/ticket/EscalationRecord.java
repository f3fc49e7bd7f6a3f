package com.agentfactory.support.ticket;

import java.time.Instant;
import java.util.UUID;

record EscalationRecord(String reason, String detail, UUID messageId, Instant createdAt) {}

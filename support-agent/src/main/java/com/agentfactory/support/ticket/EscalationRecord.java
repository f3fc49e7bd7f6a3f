package com.agentfactory.support.ticket;

import java.time.Instant;
import java.util.UUID;

public record EscalationRecord(String reason, String detail, UUID messageId, Instant createdAt) {}

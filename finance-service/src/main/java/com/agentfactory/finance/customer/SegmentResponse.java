package com.agentfactory.finance.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's segment assignment (GET /api/v1/customers/{id}/segment). */
record SegmentResponse(
        UUID customerId,
        Segment segment,
        BigDecimal confidence,
        Rfm rfm,
        String reason,
        Instant assignedAt,
        Instant evaluatedAt,
        List<Change> history) {

    /** Rule scores 1..5; null for a customer without orders. */
    public record Rfm(Integer recency, Integer frequency, Integer monetary) {}

    public record Change(Segment fromSegment, Segment toSegment, String reason, Instant occurredAt) {}

    public record BehaviorRecorded(UUID id, boolean created, UUID touchpointId, Segment segment) {}
}

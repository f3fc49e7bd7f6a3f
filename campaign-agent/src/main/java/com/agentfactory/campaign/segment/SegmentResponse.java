package com.agentfactory.campaign.segment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

record SegmentResponse(
        UUID id, String name, String description, Map<String, Object> rules, String createdBy, Instant createdAt) {

    static SegmentResponse of(SavedSegment segment) {
        return new SegmentResponse(
                segment.id(),
                segment.name(),
                segment.description(),
                SegmentRules.fromJson(segment.rule()),
                segment.createdBy(),
                segment.createdAt());
    }
}

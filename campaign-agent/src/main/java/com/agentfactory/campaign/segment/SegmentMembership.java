package com.agentfactory.campaign.segment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a customer is in a saved segment now, and who is: for journeys that branch on or start from one. */
@Component
public class SegmentMembership {

    private final SavedSegmentRepository segments;
    private final JdbcTemplate jdbc;

    SegmentMembership(SavedSegmentRepository segments, JdbcTemplate jdbc) {
        this.segments = segments;
        this.jdbc = jdbc;
    }

    public boolean exists(UUID segmentId) {
        return segments.existsById(segmentId);
    }

    /** False for a segment that no longer exists: nobody is a member of nothing. */
    public boolean isMember(UUID segmentId, UUID customerId) {
        Optional<CompiledSegment> compiled = compiled(segmentId);
        if (compiled.isEmpty()) {
            return false;
        }
        Object[] parameters = new Object[compiled.get().parameters().size() + 1];
        parameters[0] = customerId;
        for (int i = 0; i < compiled.get().parameters().size(); i++) {
            parameters[i + 1] = compiled.get().parameters().get(i);
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM customers WHERE customer_id = ? AND ("
                        + compiled.get().condition() + "))",
                Boolean.class,
                parameters));
    }

    public List<UUID> members(UUID segmentId) {
        return compiled(segmentId)
                .map(segment -> jdbc.queryForList(
                        "SELECT customer_id FROM customers WHERE " + segment.condition() + " ORDER BY customer_id",
                        UUID.class,
                        segment.parameters().toArray()))
                .orElse(List.of());
    }

    private Optional<CompiledSegment> compiled(UUID segmentId) {
        return segments.findById(segmentId)
                .map(segment -> SegmentRules.compile(SegmentRules.fromJson(segment.rule()), "rule"));
    }
}

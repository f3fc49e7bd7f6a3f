package com.agentfactory.campaign.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether a customer is in a saved segment now, and who is: for journeys that branch on or start from one. */
@Component
public class SegmentMembership {

    private final SavedSegmentRepository segments;
    private final SegmentQueries queries;
    private final JdbcTemplate jdbc;

    SegmentMembership(SavedSegmentRepository segments, SegmentQueries queries, JdbcTemplate jdbc) {
        this.segments = segments;
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** How many members a segment has and the first of them by id; empty for a segment that no longer exists. */
    public record Sample(long count, List<UUID> members) {}

    /**
     * The segment's size and its first {@code size} members, under the statement timeout a segment preview runs
     * with, for the rest of the caller's transaction: someone trying a journey on a segment of millions waits
     * seconds, not minutes, and holds no connection longer.
     *
     * @throws SegmentPreviewTimedOutException when the segment cannot be counted in that time
     */
    public Sample sample(UUID segmentId, int size) {
        Optional<CompiledSegment> compiled = compiled(segmentId);
        if (compiled.isEmpty()) {
            return new Sample(0, List.of());
        }
        queries.limitStatementTime();
        try {
            return new Sample(queries.count(compiled.get()), queries.sample(compiled.get(), size));
        } catch (QueryTimeoutException e) {
            throw new SegmentPreviewTimedOutException(e);
        }
    }

    /** At most {@code limit} members by id, those after {@code after} (from the first when null). */
    public List<UUID> membersAfter(UUID segmentId, UUID after, int limit) {
        Optional<CompiledSegment> compiled = compiled(segmentId);
        if (compiled.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(compiled.get().parameters());
        String sql =
                "SELECT customer_id FROM customers WHERE (" + compiled.get().condition() + ")";
        if (after != null) {
            sql += " AND customer_id > ?";
            parameters.add(after);
        }
        parameters.add(limit);
        return jdbc.queryForList(sql + " ORDER BY customer_id LIMIT ?", UUID.class, parameters.toArray());
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

    private Optional<CompiledSegment> compiled(UUID segmentId) {
        return segments.findById(segmentId)
                .map(segment -> SegmentRules.compile(SegmentRules.fromJson(segment.rule()), "rule"));
    }
}

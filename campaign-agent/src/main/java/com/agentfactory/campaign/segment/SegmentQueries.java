package com.agentfactory.campaign.segment;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Runs compiled segments against the customer read model. */
@Repository
class SegmentQueries {

    /** A rule that matches too much must not hold a connection for long: the preview is an estimate tool. */
    static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;

    SegmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(CompiledSegment segment) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM customers WHERE " + segment.condition(),
                Long.class,
                segment.parameters().toArray());
        return count == null ? 0 : count;
    }

    List<UUID> sample(CompiledSegment segment, int size) {
        if (size == 0) {
            return List.of();
        }
        Object[] parameters =
                segment.parameters().toArray(new Object[segment.parameters().size() + 1]);
        parameters[parameters.length - 1] = size;
        return jdbc.queryForList(
                "SELECT customer_id FROM customers WHERE " + segment.condition() + " ORDER BY customer_id LIMIT ?",
                UUID.class,
                parameters);
    }

    void limitStatementTime() {
        jdbc.execute("SET LOCAL statement_timeout = '" + PREVIEW_TIMEOUT.toMillis() + "ms'");
    }
}

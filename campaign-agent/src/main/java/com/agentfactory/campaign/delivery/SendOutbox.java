package com.agentfactory.campaign.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a step's send in the caller's transaction. The unique (enrolment, step) key makes a second write of
 * the same step (a run repeated after a crash) a no-op, so each step sends at most one message; the
 * dispatcher then delivers it from this table.
 */
@Component
public class SendOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SendOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when this step of this enrolment has its send already */
    public boolean enqueue(SendRequest request) {
        Instant now = clock.instant();
        return jdbc.update(
                        """
                        INSERT INTO sends (id, enrolment_id, step_id, journey_id, customer_id, channel, template_id,
                                           target, variables, status, next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                        ON CONFLICT (enrolment_id, step_id) DO NOTHING
                        """,
                        UUID.randomUUID(),
                        request.enrolmentId(),
                        request.stepId(),
                        request.journeyId(),
                        request.customerId(),
                        request.channel(),
                        request.templateId(),
                        request.target(),
                        JSON.writeValueAsString(request.variables()),
                        Timestamp.from(now),
                        Timestamp.from(now))
                > 0;
    }
}

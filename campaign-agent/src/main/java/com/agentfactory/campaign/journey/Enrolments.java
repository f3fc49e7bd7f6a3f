package com.agentfactory.campaign.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrolment table, in plain SQL rather than JPA: the executor claims due rows in batches with
 * {@code FOR UPDATE SKIP LOCKED} and writes them back in one batch, which is what makes thousands of steps a
 * second durable, and which an entity manager's row-at-a-time flushing would not give.
 */
@Repository
class Enrolments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, journey_id, customer_id, context, entered_at, status, current_step, due_at, waiting_for, wait_next,"
                    + " end_reason, steps_run";

    private final JdbcTemplate jdbc;

    Enrolments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Enrols unless the customer is in this journey already; empty when they are. */
    Optional<UUID> enrol(UUID journeyId, UUID customerId, String firstStep, Map<String, Object> context, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update(
                """
                INSERT INTO journey_enrolments (id, journey_id, customer_id, status, current_step, due_at, context,
                                                entered_at, updated_at)
                VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)
                ON CONFLICT (journey_id, customer_id) WHERE status = 'active' DO NOTHING
                """,
                id,
                journeyId,
                customerId,
                firstStep,
                Timestamp.from(now),
                JSON.writeValueAsString(context),
                Timestamp.from(now),
                Timestamp.from(now));
        return inserted > 0 ? Optional.of(id) : Optional.empty();
    }

    /** When the customer last entered the journey; empty when they never have. */
    Optional<Instant> lastEntered(UUID journeyId, UUID customerId) {
        Timestamp last = jdbc.queryForObject(
                "SELECT max(entered_at) FROM journey_enrolments WHERE journey_id = ? AND customer_id = ?",
                Timestamp.class,
                journeyId,
                customerId);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    /** Locks and returns enrolments whose timer is due; rows another executor holds are skipped, not waited on. */
    List<Enrolment> claimDue(Instant now, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM journey_enrolments WHERE status = 'active' AND due_at <= ?"
                        + " ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                Enrolments::map,
                Timestamp.from(now),
                limit);
    }

    void saveAll(List<Enrolment> enrolments, Instant now) {
        jdbc.batchUpdate("""
                UPDATE journey_enrolments SET status = ?, current_step = ?, due_at = ?, waiting_for = ?,
                    wait_next = ?, end_reason = ?, steps_run = ?, updated_at = ?, context = ?
                WHERE id = ?
                """, enrolments, 500, (statement, enrolment) -> {
            statement.setString(1, enrolment.status);
            statement.setString(2, enrolment.currentStep);
            statement.setTimestamp(3, enrolment.dueAt == null ? null : Timestamp.from(enrolment.dueAt));
            statement.setString(4, enrolment.waitingFor);
            statement.setString(5, enrolment.waitNext);
            statement.setString(6, enrolment.endReason);
            statement.setInt(7, enrolment.stepsRun);
            statement.setTimestamp(8, Timestamp.from(now));
            // the engine keeps in it since when orders count for the next wait for one
            statement.setString(9, JSON.writeValueAsString(enrolment.context));
            statement.setObject(10, enrolment.id);
        });
    }

    /**
     * Ends this customer's waits for an order, placed at {@code placedAt}, of the enrolments it counts for (placed after
     * their {@link JourneyEngine#ordersCountedFrom}): each goes on at its on_event step now, and an order placed up to
     * this one no longer ends a later wait of the enrolment's. Returns how many waits it ended.
     */
    int wakeOnOrder(UUID customerId, String eventType, Instant placedAt, Instant now) {
        // locked as the executor claims them, so a wait timing out meanwhile is either ended here or not found waiting
        List<Enrolment> waiting = jdbc.query(
                "SELECT " + COLUMNS + " FROM journey_enrolments"
                        + " WHERE customer_id = ? AND waiting_for = ? AND status = 'active' FOR UPDATE",
                Enrolments::map,
                customerId,
                eventType);
        Instant placed = JourneyEngine.toMicros(placedAt);
        int woken = 0;
        for (Enrolment enrolment : waiting) {
            // an order's event may be handled long after a cart's that came later (another topic), or after the order
            // that ended an earlier wait: placed before the trigger or that wait's end, it is not the order awaited
            if (!placed.isAfter(JourneyEngine.ordersCountedFrom(enrolment))) {
                continue;
            }
            JourneyEngine.countOrdersFrom(enrolment, placedAt);
            jdbc.update(
                    """
                    UPDATE journey_enrolments SET current_step = wait_next, waiting_for = NULL, wait_next = NULL,
                        due_at = ?, updated_at = ?, context = ?
                    WHERE id = ?
                    """,
                    Timestamp.from(now),
                    Timestamp.from(now),
                    JSON.writeValueAsString(enrolment.context),
                    enrolment.id);
            woken++;
        }
        return woken;
    }

    /** Ends the waits of this customer for this event: each goes on at its on_event step now. */
    int wake(UUID customerId, String eventType, Instant now) {
        return jdbc.update("""
                UPDATE journey_enrolments SET current_step = wait_next, waiting_for = NULL, wait_next = NULL,
                    due_at = ?, updated_at = ?
                WHERE customer_id = ? AND waiting_for = ? AND status = 'active'
                """, Timestamp.from(now), Timestamp.from(now), customerId, eventType);
    }

    Optional<Enrolment> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM journey_enrolments WHERE id = ?", Enrolments::map, id).stream()
                .findFirst();
    }

    List<Enrolment> ofJourney(UUID journeyId, int page, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM journey_enrolments WHERE journey_id = ?"
                        + " ORDER BY entered_at DESC, id LIMIT ? OFFSET ?",
                Enrolments::map,
                journeyId,
                limit,
                (long) (page - 1) * limit);
    }

    long countOfJourney(UUID journeyId) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM journey_enrolments WHERE journey_id = ?", Long.class, journeyId);
        return count == null ? 0 : count;
    }

    private static Enrolment map(ResultSet rs, int row) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        return new Enrolment(
                rs.getObject("id", UUID.class),
                rs.getObject("journey_id", UUID.class),
                rs.getObject("customer_id", UUID.class),
                JSON.readValue(rs.getString("context"), MAP),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getString("status"),
                rs.getString("current_step"),
                due == null ? null : due.toInstant(),
                rs.getString("waiting_for"),
                rs.getString("wait_next"),
                rs.getString("end_reason"),
                rs.getInt("steps_run"));
    }
}

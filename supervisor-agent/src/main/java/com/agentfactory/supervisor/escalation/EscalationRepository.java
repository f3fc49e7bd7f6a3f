package com.agentfactory.supervisor.escalation;

import com.agentfactory.supervisor.task.TaskReasonsErased;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class EscalationRepository {

    private static final String COLUMNS =
            "id, task_id, reason, status, claimed_by, claimed_at, resolved_by, resolved_at,"
                    + " outcome, resolution, created_at";

    private final JdbcTemplate jdbc;

    EscalationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertAll(List<Escalation> escalations) {
        jdbc.batchUpdate(
                "INSERT INTO escalations (id, task_id, reason, status, created_at) VALUES (?, ?, ?, ?, ?)",
                escalations,
                escalations.size(),
                (statement, escalation) -> {
                    statement.setObject(1, escalation.id());
                    statement.setObject(2, escalation.taskId());
                    statement.setString(3, escalation.reason());
                    statement.setString(4, escalation.status().name());
                    statement.setTimestamp(5, Timestamp.from(escalation.createdAt()));
                });
    }

    Optional<Escalation> findByIdForUpdate(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM escalations WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    Optional<Escalation> findById(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM escalations WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    void update(Escalation escalation) {
        jdbc.update(
                "UPDATE escalations SET status = ?, claimed_by = ?, claimed_at = ?, resolved_by = ?, resolved_at = ?,"
                        + " outcome = ?, resolution = ? WHERE id = ?",
                escalation.status().name(),
                escalation.claimedBy(),
                ts(escalation.claimedAt()),
                escalation.resolvedBy(),
                ts(escalation.resolvedAt()),
                escalation.outcome() == null ? null : escalation.outcome().name(),
                escalation.resolution(),
                escalation.id());
    }

    /** Resolves the task's escalation as cancelled unless a person resolved it already. */
    void closeOpenOf(UUID taskId, String actor, String note, Instant at) {
        closeOpenOf(taskId, actor, note, at, ResolutionOutcome.CANCELLED);
    }

    /** Resolves the task's escalation with this outcome unless a person resolved it already. */
    void closeOpenOf(UUID taskId, String actor, String note, Instant at, ResolutionOutcome outcome) {
        jdbc.update(
                "UPDATE escalations SET status = ?, claimed_by = coalesce(claimed_by, ?),"
                        + " claimed_at = coalesce(claimed_at, ?), resolved_by = ?, resolved_at = ?, outcome = ?,"
                        + " resolution = ? WHERE task_id = ? AND status <> ?",
                EscalationStatus.RESOLVED.name(),
                actor,
                ts(at),
                actor,
                ts(at),
                outcome.name(),
                note,
                taskId,
                EscalationStatus.RESOLVED.name());
    }

    /** The task's escalations opened for a reason an erasure replaced now give the reason it left. */
    void replaceReasons(List<TaskReasonsErased.Replaced> reasons) {
        jdbc.batchUpdate(
                "UPDATE escalations SET reason = ? WHERE task_id = ? AND reason = ?",
                reasons,
                reasons.size(),
                (statement, replaced) -> {
                    statement.setString(1, replaced.after());
                    statement.setObject(2, replaced.taskId());
                    statement.setString(3, replaced.before());
                });
    }

    /**
     * The notes people typed resolving these tasks' escalations are replaced. The words the supervisor gave a
     * resolution without a note ("completed by carol", "requeued to support by carol") name no one but the person
     * and the agent, and stay.
     */
    void eraseNotesOf(List<UUID> taskIds, String erasedText) {
        // the agent a requeue names is taken out before the comparison, the person's name being no pattern
        jdbc.update(
                "UPDATE escalations SET resolution = ? WHERE task_id = ANY (?) AND resolution IS NOT NULL"
                        + " AND regexp_replace(resolution, '^requeued to [a-z][a-z0-9-]* by ', 'requeued by ')"
                        + "     NOT IN ('cancelled', lower(coalesce(outcome, '')) || ' by ' || resolved_by)",
                erasedText,
                taskIds.toArray(UUID[]::new));
    }

    /**
     * The customer who cancelled one of these tasks while it waited for a person is named as who resolved its
     * escalation, and as who claimed it when no one had, and the supervisor's words for a resolution without a note
     * ("cancelled by ...") repeat them: all say the erased text instead. Compared without case, as the erasure
     * compares who asked for the task. Run after {@link #eraseNotesOf}, which tells those words from a note by
     * comparing them with resolved_by.
     */
    void eraseCustomerAsPersonOf(List<UUID> taskIds, UUID customerId, String erased) {
        String id = customerId.toString();
        jdbc.update(
                "UPDATE escalations SET"
                        + " resolution = CASE WHEN lower(resolved_by) = ?"
                        + " AND right(resolution, length(resolved_by) + 4) = ' by ' || resolved_by"
                        + " THEN left(resolution, length(resolution) - length(resolved_by)) || ? ELSE resolution END,"
                        + " resolved_by = CASE WHEN lower(resolved_by) = ? THEN ? ELSE resolved_by END,"
                        + " claimed_by = CASE WHEN lower(claimed_by) = ? THEN ? ELSE claimed_by END"
                        + " WHERE task_id = ANY (?) AND (lower(resolved_by) = ? OR lower(claimed_by) = ?)",
                id,
                erased,
                id,
                erased,
                id,
                erased,
                taskIds.toArray(UUID[]::new),
                id,
                id);
    }

    List<Escalation> page(EscalationStatus status, int page, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = ?";
            args.add(status.name());
        }
        args.add(limit);
        // long: a page number near Integer.MAX_VALUE would otherwise wrap to a negative offset
        args.add((page - 1L) * limit);
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM escalations" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                this::map,
                args.toArray());
    }

    long count(EscalationStatus status) {
        Long n = status == null
                ? jdbc.queryForObject("SELECT count(*) FROM escalations", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM escalations WHERE status = ?", Long.class, status.name());
        return n == null ? 0 : n;
    }

    private Escalation map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Escalation(
                rs.getObject("id", UUID.class),
                rs.getObject("task_id", UUID.class),
                rs.getString("reason"),
                EscalationStatus.valueOf(rs.getString("status")),
                rs.getString("claimed_by"),
                instant(rs.getTimestamp("claimed_at")),
                rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")),
                outcome == null ? null : ResolutionOutcome.valueOf(outcome),
                rs.getString("resolution"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

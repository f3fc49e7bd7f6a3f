package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.supervisor.privacy.ErasedCustomers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** Tasks and their transitions in the supervisor schema; plain JDBC because task intake is the hot path. */
@Repository
public class TaskRepository {

    private static final String COLUMNS = "id, task_type, status, priority, assigned_agent_id, assigned_agent_type,"
            + " input_data, output_data, error_message, failure, errors, progress, attempts, routing_method, routing_confidence,"
            + " routing_reason, correlation_id, trace_id, requested_by, expires_at, created_at, updated_at,"
            + " started_at, completed_at, dispatch_id";

    private static final String UPDATE =
            "UPDATE tasks SET status = ?, assigned_agent_id = ?, output_data = ?::jsonb, error_message = ?,"
                    + " failure = ?, errors = ?::jsonb, progress = ?, attempts = ?, updated_at = ?, started_at = ?,"
                    + " completed_at = ?, task_type = ?, assigned_agent_type = ?, expires_at = ?, dispatch_id = ?"
                    + " WHERE id = ?";

    /** The stale-task sweep's query (quiet since, now, limit); it reads tasks_with_agent_updated_at_idx. */
    static final String LOCK_STALE = "SELECT " + COLUMNS + " FROM tasks WHERE status IN ('ASSIGNED', 'RUNNING')"
            + " AND updated_at < ? AND NOT (status = 'ASSIGNED' AND expires_at IS NOT NULL AND expires_at < ?)"
            + " ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED";

    private final JdbcTemplate jdbc;
    private final EnvelopeCodec codec;
    private final ErasedCustomers erasedCustomers;
    private final RowMapper<Task> taskMapper = this::mapTask;

    TaskRepository(JdbcTemplate jdbc, EnvelopeCodec codec, ErasedCustomers erasedCustomers) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.erasedCustomers = erasedCustomers;
    }

    /**
     * Holds the customers' locks, shared, to the end of the transaction, except those an erasure holds now, which it
     * returns without waiting for them: the erasure of a customer held cannot run before the tasks about them commit.
     */
    Set<UUID> lockCustomersUnlessErasing(SortedSet<UUID> customers) {
        return erasedCustomers.lockSharedUnlessErasing(customers);
    }

    /** Which of these customers were erased; holds only for those whose lock the transaction holds. */
    Set<UUID> erasedAmong(Set<UUID> customers) {
        return erasedCustomers.erasedAmong(customers);
    }

    void insertAll(List<Task> tasks) {
        jdbc.batchUpdate(
                "INSERT INTO tasks (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tasks,
                tasks.size(),
                (statement, task) -> {
                    statement.setObject(1, task.id());
                    statement.setString(2, task.taskType());
                    statement.setString(3, task.status().name());
                    statement.setInt(4, task.priority());
                    statement.setObject(5, task.assignedAgentId());
                    statement.setString(6, task.assignedAgentType());
                    statement.setString(7, json(task.inputData()));
                    statement.setString(8, json(task.outputData()));
                    statement.setString(9, task.errorMessage());
                    statement.setString(
                            10, task.failure() == null ? null : task.failure().name());
                    statement.setString(11, errors(task.errors()));
                    statement.setInt(12, task.progress());
                    statement.setInt(13, task.attempts());
                    statement.setString(14, task.routingMethod());
                    statement.setBigDecimal(15, task.routingConfidence());
                    statement.setString(16, task.routingReason());
                    statement.setObject(17, task.correlationId());
                    statement.setString(18, task.traceId());
                    statement.setString(19, task.requestedBy());
                    statement.setTimestamp(20, timestamp(task.expiresAt()));
                    statement.setTimestamp(21, timestamp(task.createdAt()));
                    statement.setTimestamp(22, timestamp(task.updatedAt()));
                    statement.setTimestamp(23, timestamp(task.startedAt()));
                    statement.setTimestamp(24, timestamp(task.completedAt()));
                    statement.setObject(25, task.dispatchId());
                });
    }

    void insertTransitions(List<TaskTransition> transitions) {
        jdbc.batchUpdate(
                "INSERT INTO task_transitions (task_id, from_status, to_status, actor, reason, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
                transitions,
                transitions.size(),
                (statement, transition) -> {
                    statement.setObject(1, transition.taskId());
                    statement.setString(
                            2,
                            transition.fromStatus() == null
                                    ? null
                                    : transition.fromStatus().name());
                    statement.setString(3, transition.toStatus().name());
                    statement.setString(4, transition.actor());
                    statement.setString(5, transition.reason());
                    statement.setTimestamp(6, timestamp(transition.occurredAt()));
                });
    }

    Optional<Task> findById(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tasks WHERE id = ?", taskMapper, id).stream()
                .findFirst();
    }

    /** Locks the row for the rest of the transaction, so concurrent reports about one task serialise. */
    Optional<Task> findByIdForUpdate(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM tasks WHERE id = ? FOR UPDATE", taskMapper, id).stream()
                .findFirst();
    }

    /** Which of these tasks exist (committed). */
    Set<UUID> existingIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(
                "SELECT id FROM tasks WHERE id = ANY (?)", UUID.class, (Object) ids.toArray(UUID[]::new)));
    }

    /** Locks the rows in id order, so two transactions locking overlapping sets cannot deadlock. */
    List<Task> findAllByIdForUpdate(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM tasks WHERE id = ANY (?) ORDER BY id FOR UPDATE", taskMapper, (Object)
                        ids.toArray(UUID[]::new));
    }

    /**
     * The dispatches of these tasks that a later dispatch replaced, for the tasks that have any. Kept by the database
     * whenever dispatch_id moves on (supervisor V9), whichever instance moved it; never written here.
     */
    Map<UUID, Set<UUID>> supersededDispatchIds(Collection<UUID> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> superseded = new HashMap<>();
        jdbc.query(
                "SELECT id, superseded_dispatch_ids FROM tasks WHERE id = ANY (?) AND cardinality(superseded_dispatch_ids) > 0",
                (RowCallbackHandler)
                        rs -> superseded.put(rs.getObject("id", UUID.class), Set.copyOf(Arrays.asList((UUID[])
                                rs.getArray("superseded_dispatch_ids").getArray()))),
                (Object) taskIds.toArray(UUID[]::new));
        return superseded;
    }

    List<TaskTransition> transitionsOf(UUID taskId) {
        return jdbc.query(
                "SELECT task_id, from_status, to_status, actor, reason, occurred_at FROM task_transitions WHERE task_id = ? ORDER BY id",
                (rs, i) -> new TaskTransition(
                        rs.getObject("task_id", UUID.class),
                        rs.getString("from_status") == null ? null : TaskStatus.valueOf(rs.getString("from_status")),
                        TaskStatus.valueOf(rs.getString("to_status")),
                        rs.getString("actor"),
                        rs.getString("reason"),
                        rs.getTimestamp("occurred_at").toInstant()),
                taskId);
    }

    void update(Task task) {
        updateAll(List.of(task));
    }

    void updateAll(List<Task> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(UPDATE, changed, changed.size(), (statement, task) -> {
            statement.setString(1, task.status().name());
            statement.setObject(2, task.assignedAgentId());
            statement.setString(3, json(task.outputData()));
            statement.setString(4, task.errorMessage());
            statement.setString(
                    5, task.failure() == null ? null : task.failure().name());
            statement.setString(6, errors(task.errors()));
            statement.setInt(7, task.progress());
            statement.setInt(8, task.attempts());
            statement.setTimestamp(9, timestamp(task.updatedAt()));
            statement.setTimestamp(10, timestamp(task.startedAt()));
            statement.setTimestamp(11, timestamp(task.completedAt()));
            // a task requeued by a person may go to another agent as another task type
            statement.setString(12, task.taskType());
            statement.setString(13, task.assignedAgentType());
            // and with a new deadline
            statement.setTimestamp(14, timestamp(task.expiresAt()));
            // and is then another dispatch; the database records the one it replaced as superseded (V9)
            statement.setObject(15, task.dispatchId());
            statement.setObject(16, task.id());
        });
    }

    List<Task> page(TaskQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(query, where, args);
        args.add(query.limit());
        args.add(query.offset());
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM tasks" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                taskMapper,
                args.toArray());
    }

    long count(TaskQuery query) {
        var where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(query, where, args);
        Long total = jdbc.queryForObject("SELECT count(*) FROM tasks" + where, Long.class, args.toArray());
        return total == null ? 0 : total;
    }

    // every value is a bind parameter; only fixed column names are concatenated
    private static void filter(TaskQuery query, StringBuilder where, List<Object> args) {
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status().name());
        }
        if (query.taskType() != null) {
            where.append(" AND task_type = ?");
            args.add(query.taskType());
        }
        if (query.agentType() != null) {
            where.append(" AND assigned_agent_type = ?");
            args.add(query.agentType());
        }
        if (query.createdFrom() != null) {
            where.append(" AND created_at >= ?");
            args.add(timestamp(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            where.append(" AND created_at < ?");
            args.add(timestamp(query.createdTo()));
        }
    }

    /** Locks up to {@code limit} not-yet-started tasks whose time ran out. */
    List<Task> lockExpired(Instant now, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM tasks WHERE expires_at < ? AND status IN ('CREATED', 'QUEUED', 'ASSIGNED')"
                        + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED",
                taskMapper,
                timestamp(now),
                limit);
    }

    /**
     * Locks up to {@code limit} tasks an agent has taken (ASSIGNED, RUNNING), unchanged since {@code quietSince},
     * longest quiet first; an ASSIGNED one whose expires_at passed is the expiry's. CREATED and QUEUED tasks are left to
     * their expires_at: their dispatch may still wait on the agent's topic, and the agent refuses it once expired.
     */
    List<Task> lockStale(Instant quietSince, Instant now, int limit) {
        return jdbc.query(LOCK_STALE, taskMapper, timestamp(quietSince), timestamp(now), limit);
    }

    /** Which of these tasks the supervisor last moved to ESCALATED straight from an agent's hands. */
    List<UUID> escalatedWhileWithAgent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT task_id FROM (SELECT DISTINCT ON (task_id) task_id, from_status, to_status FROM task_transitions"
                        + " WHERE task_id = ANY (?) ORDER BY task_id, id DESC) last"
                        + " WHERE to_status = 'ESCALATED' AND from_status IN ('QUEUED', 'ASSIGNED', 'RUNNING')",
                UUID.class,
                (Object) ids.toArray(UUID[]::new));
    }

    /** Task counts per agent type and status, for the metrics. */
    public List<StatusCount> countByAgentAndStatus() {
        return jdbc.query(
                "SELECT coalesce(assigned_agent_type, 'none') AS agent, status, count(*) AS n FROM tasks GROUP BY 1, 2",
                (rs, i) -> new StatusCount(
                        rs.getString("agent"), TaskStatus.valueOf(rs.getString("status")), rs.getLong("n")));
    }

    public record StatusCount(String agentType, TaskStatus status, long count) {}

    private Task mapTask(ResultSet rs, int row) throws SQLException {
        return new Task(
                rs.getObject("id", UUID.class),
                rs.getString("task_type"),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getInt("priority"),
                rs.getObject("assigned_agent_id", UUID.class),
                rs.getString("assigned_agent_type"),
                tree(rs.getString("input_data")),
                tree(rs.getString("output_data")),
                rs.getString("error_message"),
                rs.getString("failure") == null ? null : FailureKind.valueOf(rs.getString("failure")),
                errors(rs.getString("errors")),
                rs.getInt("progress"),
                rs.getInt("attempts"),
                rs.getString("routing_method"),
                rs.getBigDecimal("routing_confidence"),
                rs.getString("routing_reason"),
                rs.getObject("correlation_id", UUID.class),
                rs.getString("trace_id"),
                rs.getString("requested_by"),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")),
                rs.getObject("dispatch_id", UUID.class));
    }

    private String json(JsonNode node) {
        return node == null || node.isNull() ? null : codec.mapper().writeValueAsString(node);
    }

    private String errors(List<FieldErrorDetail> errors) {
        return errors.isEmpty() ? null : codec.mapper().writeValueAsString(errors);
    }

    private List<FieldErrorDetail> errors(String json) {
        return json == null ? List.of() : List.of(codec.mapper().readValue(json, FieldErrorDetail[].class));
    }

    private JsonNode tree(String json) {
        return json == null ? null : codec.mapper().readTree(json);
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

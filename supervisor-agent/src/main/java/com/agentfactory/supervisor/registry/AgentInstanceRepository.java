package com.agentfactory.supervisor.registry;

import com.agentfactory.messaging.runtime.AgentHeartbeat;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Agent instances as their heartbeats describe them. */
@Repository
class AgentInstanceRepository {

    private final JdbcTemplate jdbc;

    AgentInstanceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(AgentHeartbeat heartbeat) {
        jdbc.update(
                "INSERT INTO agent_instances (instance_id, agent_id, agent_type, task_types, in_flight, started_at, last_heartbeat_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (instance_id) DO UPDATE SET task_types = EXCLUDED.task_types,"
                        + " in_flight = EXCLUDED.in_flight, last_heartbeat_at = greatest(agent_instances.last_heartbeat_at, EXCLUDED.last_heartbeat_at)",
                heartbeat.instanceId(),
                UUID.fromString(heartbeat.agentId()),
                heartbeat.agentType(),
                heartbeat.taskTypes().toArray(String[]::new),
                heartbeat.inFlight(),
                Timestamp.from(heartbeat.startedAt()),
                Timestamp.from(heartbeat.occurredAt()));
    }

    /** The type's instances, most recently heard from first; at most {@code limit}. */
    List<Instance> instancesOf(String agentType, int limit) {
        return jdbc.query(
                "SELECT instance_id, in_flight, started_at, last_heartbeat_at FROM agent_instances WHERE agent_type = ?"
                        + " ORDER BY last_heartbeat_at DESC LIMIT ?",
                (rs, i) -> new Instance(
                        rs.getString("instance_id"),
                        rs.getInt("in_flight"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("last_heartbeat_at").toInstant()),
                agentType,
                limit);
    }

    /**
     * Forgets instances not heard from since {@code silentSince}, except each agent type's most recent one (which
     * tells that the agent is down rather than unknown); returns how many.
     */
    int deleteSilentSince(Instant silentSince) {
        return jdbc.update(
                "DELETE FROM agent_instances a WHERE a.last_heartbeat_at < ? AND EXISTS (SELECT 1 FROM agent_instances b"
                        + " WHERE b.agent_type = a.agent_type AND b.last_heartbeat_at > a.last_heartbeat_at)",
                Timestamp.from(silentSince));
    }

    record Instance(String instanceId, int inFlight, Instant startedAt, Instant lastHeartbeatAt) {}
}

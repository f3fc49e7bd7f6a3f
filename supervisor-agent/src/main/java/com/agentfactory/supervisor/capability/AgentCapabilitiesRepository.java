package com.agentfactory.supervisor.capability;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The announced task types, one row per agent type and task type. */
@Repository
class AgentCapabilitiesRepository {

    private static final String COLUMNS =
            "agent_type, task_type, description, input_schema, output_schema, example_input, announced_at";

    private final JdbcTemplate jdbc;
    private final EnvelopeCodec codec;

    AgentCapabilitiesRepository(JdbcTemplate jdbc, EnvelopeCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** The agent type's task types become exactly these; the caller supplies the transaction. */
    void replace(String agentType, List<AnnouncedTaskType> taskTypes) {
        jdbc.update("DELETE FROM agent_capabilities WHERE agent_type = ?", agentType);
        jdbc.batchUpdate(
                "INSERT INTO agent_capabilities (" + COLUMNS + ") VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?)",
                taskTypes,
                taskTypes.size(),
                (statement, taskType) -> {
                    statement.setString(1, agentType);
                    statement.setString(2, taskType.taskType());
                    statement.setString(3, taskType.description());
                    statement.setString(4, json(taskType.inputSchema()));
                    statement.setString(5, json(taskType.outputSchema()));
                    statement.setString(6, json(taskType.exampleInput()));
                    statement.setTimestamp(7, Timestamp.from(taskType.announcedAt()));
                });
    }

    List<AnnouncedTaskType> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM agent_capabilities ORDER BY agent_type, task_type", this::map);
    }

    private AnnouncedTaskType map(ResultSet rs, int row) throws SQLException {
        return new AnnouncedTaskType(
                rs.getString("agent_type"),
                rs.getString("task_type"),
                rs.getString("description"),
                tree(rs.getString("input_schema")),
                tree(rs.getString("output_schema")),
                tree(rs.getString("example_input")),
                rs.getTimestamp("announced_at").toInstant());
    }

    private String json(JsonNode node) {
        return node == null || node.isNull() ? null : codec.mapper().writeValueAsString(node);
    }

    private JsonNode tree(String json) {
        return json == null ? null : codec.mapper().readTree(json);
    }
}

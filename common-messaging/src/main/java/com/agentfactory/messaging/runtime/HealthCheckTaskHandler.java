package com.agentfactory.messaging.runtime;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The task every agent answers: proves the agent consumes, reaches its database and reports back. */
final class HealthCheckTaskHandler implements AgentTaskHandler {

    static final String TASK_TYPE = "health-check";

    private final JdbcTemplate jdbc;
    private final AgentRuntimeProperties properties;
    private final JsonMapper mapper;
    private final Instant startedAt = Instant.now();

    HealthCheckTaskHandler(JdbcTemplate jdbc, AgentRuntimeProperties properties, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public JsonNode handle(AgentTask task, TaskProgress progress) {
        Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
        var output = mapper.createObjectNode();
        output.put("status", one != null && one == 1 ? "UP" : "DOWN");
        output.put("agent_type", properties.type());
        output.put("agent_id", properties.effectiveId().toString());
        output.put("database", one != null && one == 1 ? "UP" : "DOWN");
        output.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        if (task.input() != null && task.input().has("echo")) {
            output.set("echo", task.input().get("echo"));
        }
        return output;
    }
}

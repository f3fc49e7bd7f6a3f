package com.agentfactory.messaging.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** The task every agent answers: proves the agent consumes, reaches its database and reports back. */
final class HealthCheckTaskHandler implements TaskHandler<HealthCheckTaskHandler.Input, HealthCheckTaskHandler.Output> {

    static final String TASK_TYPE = "health-check";

    /** {@code echo} comes back unchanged, so a caller can match an answer to its question. */
    record Input(@Size(max = 200) String echo) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Output(String status, String agentType, String agentId, String database, long uptimeSeconds, String echo) {}

    private final JdbcTemplate jdbc;
    private final AgentRuntimeProperties properties;
    private final Clock clock;
    private final Instant startedAt;

    HealthCheckTaskHandler(JdbcTemplate jdbc, AgentRuntimeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public String taskType() {
        return TASK_TYPE;
    }

    @Override
    public String description() {
        return "Checks that the agent consumes its tasks, reaches its database and reports back.";
    }

    @Override
    public Input example() {
        return new Input("ping");
    }

    @Override
    public Output handle(Input input, TaskContext context) {
        Integer one = jdbc.queryForObject("SELECT 1", Integer.class);
        String database = one != null && one == 1 ? "UP" : "DOWN";
        return new Output(
                database,
                properties.type(),
                properties.effectiveId().toString(),
                database,
                Duration.between(startedAt, clock.instant()).toSeconds(),
                input.echo());
    }
}

package com.agentfactory.support.testdata;

import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.AgentTaskProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The supervisor's tasks for the support agent, sent over real Kafka, each waited on for its final report. */
public final class SupportTasks {

    private static final String AGENT = "support";
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AgentTaskProbe probe;

    SupportTasks(String bootstrapServers) {
        this.probe = new AgentTaskProbe(bootstrapServers);
    }

    /** A task input to fill in. */
    public static ObjectNode input() {
        return JSON.createObjectNode();
    }

    /** The agent's final report on the task, empty when none came within a minute. */
    public Optional<TaskStatusChanged> run(String taskType, JsonNode input) {
        return probe.run(AGENT, taskType, input, REPORTED_WITHIN);
    }

    /** An {@code order-status-inquiry} about the order, naming the customer, or none when {@code customerId} is null. */
    public Optional<TaskStatusChanged> orderStatus(String orderNumber, UUID customerId) {
        ObjectNode input = input().put("order_number", orderNumber);
        if (customerId != null) {
            input.put("customer_id", customerId.toString());
        }
        return run("order-status-inquiry", input);
    }
}

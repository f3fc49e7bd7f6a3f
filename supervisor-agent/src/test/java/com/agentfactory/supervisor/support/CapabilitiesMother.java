package com.agentfactory.supervisor.support;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.runtime.AgentIds;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements in the name of the configured agent types, as the agent runtime makes them, so the supervisor
 * has task types to route while no agent runs. Types named {@code fixture-*} exist only in these tests (no agent
 * handles them); the others are real task types with simplified schemas. Most task types take any object with an optional note; a few
 * have required fields to check intake's schema validation against.
 */
public final class CapabilitiesMother {

    /** Requires {@code user_id} (non-empty text) and takes an optional {@code limit} from 1 to 50. */
    public static final String STRICT_TASK_TYPE = "recommend-products";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The task types each test agent type announces (health-check is announced by every one). */
    public static final Map<String, List<String>> TASK_TYPES = Map.of(
            "support", List.of("answer-customer-message", "handle-complaint"),
            "recommendation", List.of(STRICT_TASK_TYPE),
            "inventory",
                    List.of(
                            "fixture-forecast",
                            "fixture-reorder-points",
                            "fixture-stock-levels",
                            "fixture-purchase-order"),
            "campaign",
                    List.of(
                            "fixture-campaign-plan",
                            "fixture-segment",
                            "fixture-campaign-send",
                            "fixture-campaign-report"),
            "ad", List.of("fixture-click-through", "fixture-ad-budget", "fixture-ad-pacing"),
            "finance", List.of("check-budget"));

    private CapabilitiesMother() {}

    /** The agent type's usual announcement: its task types and health-check. */
    public static AgentCapabilities of(String agentType) {
        return announcing(agentType, TASK_TYPES.get(agentType).toArray(String[]::new));
    }

    /** An announcement of exactly these task types and health-check. */
    public static AgentCapabilities announcing(String agentType, String... taskTypes) {
        List<TaskTypeDescriptor> descriptors = Stream.concat(Stream.of("health-check"), Arrays.stream(taskTypes))
                .map(CapabilitiesMother::descriptor)
                .toList();
        return new AgentCapabilities(AgentIds.forType(agentType).toString(), agentType, descriptors, Instant.now());
    }

    private static TaskTypeDescriptor descriptor(String taskType) {
        if (taskType.equals(STRICT_TASK_TYPE)) {
            return new TaskTypeDescriptor(
                    taskType,
                    "Recommends products to a user",
                    JSON.readTree("""
                            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                             "properties": {"user_id": {"type": "string", "minLength": 1},
                                            "limit": {"type": "integer", "minimum": 1, "maximum": 50}},
                             "required": ["user_id"]}
                            """),
                    JSON.readTree("{\"type\": \"object\"}"),
                    JSON.readTree("{\"user_id\": \"12345\", \"limit\": 10}"));
        }
        return new TaskTypeDescriptor(
                taskType,
                "Test task type " + taskType,
                JSON.readTree("""
                        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                         "properties": {"note": {"type": "string", "maxLength": 200}}}
                        """),
                JSON.readTree("{\"type\": \"object\"}"),
                JSON.readTree("{\"note\": \"an example\"}"));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}

package com.agentfactory.supervisor.capability;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.CapabilitiesMother;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TaskTypesIT extends SupervisorIntegrationTest {

    @Test
    void listsEveryAnnouncedTaskTypeWithItsAgentSchemasAndExampleInOrder() {
        Response response = api.get("/api/v1/agents/task-types");

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> taskTypes = response.body().valueStream().toList();
        assertThat(taskTypes)
                .isSortedAccordingTo(Comparator.comparing(
                                (JsonNode t) -> t.path("agent_type").asString())
                        .thenComparing(t -> t.path("task_type").asString()));
        JsonNode recommend = taskTypes.stream()
                .filter(t -> t.path("task_type").asString().equals(CapabilitiesMother.STRICT_TASK_TYPE))
                .findFirst()
                .orElseThrow();
        assertThat(recommend.path("agent_type").asString()).isEqualTo("recommendation");
        assertThat(recommend.path("description").asString()).isEqualTo("Recommends products to a user");
        assertThat(recommend.at("/input_schema/required/0").asString()).isEqualTo("user_id");
        assertThat(recommend.at("/output_schema/type").asString()).isEqualTo("object");
        assertThat(recommend.at("/example_input/user_id").asString()).isEqualTo("12345");
        assertThat(taskTypes.stream().filter(t -> t.path("task_type").asString().equals("health-check")))
                .hasSize(CapabilitiesMother.TASK_TYPES.size());
    }

    @Test
    void filtersByAgentTypeAndRefusesAMalformedOne() {
        Response inventory = api.get("/api/v1/agents/task-types?agent_type=inventory");

        assertThat(inventory.body().valueStream().map(t -> t.path("agent_type").asString()))
                .containsOnly("inventory");
        assertThat(inventory.body().valueStream().map(t -> t.path("task_type").asString()))
                .contains("fixture-forecast", "health-check");
        assertThat(api.get("/api/v1/agents/task-types?agent_type=Not%20A%20Type")
                        .status())
                .isEqualTo(400);
    }
}

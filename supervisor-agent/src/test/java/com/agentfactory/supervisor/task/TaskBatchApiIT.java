package com.agentfactory.supervisor.task;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static com.agentfactory.supervisor.support.TaskRequestMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.supervisor.support.CapabilitiesMother;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TaskBatchApiIT extends SupervisorIntegrationTest {

    private static final String BATCH = "/api/v1/agents/tasks/batch";

    @Test
    void acceptsABatchRoutingEachTaskAndAnsweringInTheOrderSent() {
        Response created = api.post(
                BATCH,
                Map.of(
                        "tasks",
                        List.of(
                                ofType("fixture-forecast"),
                                with(ofType("fixture-campaign-plan"), "priority", 9),
                                ofType("fixture-click-through"))));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("tasks")).hasSize(3);
        assertThat(created.text("/tasks/0/assigned_agent_type")).isEqualTo("inventory");
        assertThat(created.text("/tasks/1/assigned_agent_type")).isEqualTo("campaign");
        assertThat(created.text("/tasks/2/assigned_agent_type")).isEqualTo("ad");
        for (int i = 0; i < 3; i++) {
            UUID taskId = UUID.fromString(created.text("/tasks/" + i + "/task_id"));
            Response task = api.get("/api/v1/agents/tasks/" + taskId);
            assertThat(task.text("/status")).isEqualTo("QUEUED");
            assertThat(task.body().path("transitions")).hasSize(2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !TOPICS.forTask(taskId).isEmpty());
        }
        UUID highPriority = UUID.fromString(created.text("/tasks/1/task_id"));
        assertThat(TOPICS.forTask(highPriority).getFirst().header().priority()).isEqualTo(9);
    }

    @Test
    void rejectsTheWholeBatchWhenOneTaskIsInvalidNamingItsPlaceAndStoresNone() {
        String type = "fixture-reorder-points";
        long before = countOf(type);

        Response unknownType = api.post(BATCH, Map.of("tasks", List.of(ofType(type), ofType("paint-the-warehouse"))));
        Response badField = api.post(BATCH, Map.of("tasks", List.of(ofType(type), with(ofType(type), "priority", 11))));
        Response notAnObject =
                api.post(BATCH, Map.of("tasks", List.of(with(ofType(type), "input_data", "text"), ofType(type))));
        Response schemaRefused = api.post(
                BATCH,
                Map.of(
                        "tasks",
                        List.of(
                                ofType(type),
                                ofType(type),
                                ofType(type),
                                with(ofType(CapabilitiesMother.STRICT_TASK_TYPE), "input_data", Map.of()))));
        Response nulInInput = api.post(
                BATCH,
                Map.of(
                        "tasks",
                        List.of(
                                ofType(type),
                                with(ofType(type), "input_data", Map.of("notes", List.of("fine", "bad\u0000"))))));

        assertThat(nulInInput.status()).isEqualTo(400);
        assertThat(nulInInput.errorFields()).containsExactly("tasks[1].input_data.notes[1]");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.errorFields()).containsExactly("tasks[1].task_type");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.errorFields()).containsExactly("tasks[1].priority");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.errorFields()).containsExactly("tasks[0].input_data");
        assertThat(schemaRefused.status()).isEqualTo(422);
        assertThat(schemaRefused.errorFields()).containsExactly("tasks[3].input_data.user_id");
        assertThat(countOf(type)).isEqualTo(before);
    }

    @Test
    void rejectsAnEmptyBatchAndOneOverFiveHundredTasks() {
        List<Map<String, Object>> tooMany = IntStream.range(0, 501)
                .mapToObj(i -> ofType("fixture-forecast"))
                .toList();

        Response empty = api.post(BATCH, Map.of("tasks", Collections.emptyList()));
        Response over = api.post(BATCH, Map.of("tasks", tooMany));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("tasks");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorFields()).containsExactly("tasks");
    }

    private long countOf(String taskType) {
        return api.get("/api/v1/agents/tasks?task_type=" + taskType + "&limit=1")
                .body()
                .at("/pagination/total")
                .asLong();
    }
}

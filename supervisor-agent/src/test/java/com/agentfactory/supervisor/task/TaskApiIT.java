package com.agentfactory.supervisor.task;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static com.agentfactory.supervisor.support.TaskRequestMother.unclassified;
import static com.agentfactory.supervisor.support.TaskRequestMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.supervisor.support.CapabilitiesMother;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskApiIT extends SupervisorIntegrationTest {

    @Autowired
    ObservationRegistry observations;

    @Test
    void observesEachRequestButNotEachSecurityFilter() {
        Observation securityChain = Observation.start("spring.security.filterchains", observations);
        Observation request = Observation.start("http.server.requests", observations);
        securityChain.stop();
        request.stop();

        assertThat(securityChain.isNoop()).isTrue();
        assertThat(request.isNoop()).isFalse();
        // authentication itself stays on: no token, no task
        assertThat(api.withToken(null)
                        .post("/api/v1/agents/tasks", ofType("fixture-forecast"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void routesATaskByTypeAndQueuesItOnTheAgentsTopicForItsPriorityBand() {
        Response created = api.post("/api/v1/agents/tasks", with(ofType("fixture-forecast"), "priority", 9));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/status")).isEqualTo("QUEUED");
        assertThat(created.text("/assigned_agent_type")).isEqualTo("inventory");
        assertThat(created.text("/assigned_agent"))
                .isEqualTo(AgentIds.forType("inventory").toString());
        assertThat(created.text("/routing/method")).isEqualTo("ROUTING_TABLE");
        UUID taskId = UUID.fromString(created.text("/task_id"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TOPICS.forTask(taskId).isEmpty());
        MessageEnvelope envelope = TOPICS.forTask(taskId).getFirst();
        assertThat(envelope.action()).isEqualTo("fixture-forecast");
        assertThat(envelope.header().priority()).isEqualTo(9);
        assertThat(envelope.recipient().agentType()).isEqualTo("inventory");
        assertThat(envelope.payload().data().path("note").asString()).isEqualTo("created by a test");
    }

    @Test
    void returnsTheTaskWithItsStoredTransitions() {
        UUID taskId = UUID.fromString(api.post("/api/v1/agents/tasks", ofType("fixture-campaign-plan"))
                .text("/task_id"));

        Response task = api.get("/api/v1/agents/tasks/" + taskId);

        assertThat(task.status()).isEqualTo(200);
        assertThat(task.text("/task_type")).isEqualTo("fixture-campaign-plan");
        assertThat(task.text("/status")).isEqualTo("QUEUED");
        assertThat(task.body().path("progress").asInt()).isZero();
        assertThat(task.text("/input_data/note")).isEqualTo("created by a test");
        assertThat(task.body().path("transitions")).hasSize(2);
        assertThat(task.text("/transitions/0/to")).isEqualTo("CREATED");
        assertThat(task.text("/transitions/0/actor")).isEqualTo("test-user");
        assertThat(task.text("/transitions/1/to")).isEqualTo("QUEUED");
    }

    @Test
    void classifiesAGenericTaskFromItsContentAndRecordsWhy() {
        Response created = api.post(
                "/api/v1/agents/tasks",
                unclassified("My order never arrived and I want a refund for the damaged parcel"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/assigned_agent_type")).isEqualTo("support");
        assertThat(created.text("/routing/method")).isEqualTo("CLASSIFIED");
        assertThat(created.body().at("/routing/confidence").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(created.text("/routing/reason")).contains("refund");
        assertThat(created.text("/task_type")).isEqualTo("answer-customer-message");
    }

    @Test
    void escalatesInsteadOfGuessingWhenTheContentIsAmbiguous() {
        Response created = api.post(
                "/api/v1/agents/tasks",
                with(unclassified("Please look at the campaign budget"), "task_type", "general"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/status")).isEqualTo("ESCALATED");
        assertThat(created.text("/routing/method")).isEqualTo("ESCALATED");
        assertThat(created.text("/routing/reason")).contains("below threshold");
        UUID taskId = UUID.fromString(created.text("/task_id"));
        Response queue = api.get("/api/v1/escalations?status=OPEN&limit=200");
        assertThat(queue.body().path("items").valueStream().map(e -> e.path("task_id")
                        .asString()))
                .contains(taskId.toString());
    }

    @Test
    void escalatesATaskWhoseContentNamesNoAgent() {
        Response created = api.post("/api/v1/agents/tasks", unclassified("zzz qqq"));

        assertThat(created.text("/status")).isEqualTo("ESCALATED");
        assertThat(created.body().at("/routing/confidence").asDouble()).isZero();
    }

    @Test
    void rejectsTaskWithUnknownType() {
        Response response = api.post("/api/v1/agents/tasks", ofType("paint-the-warehouse"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("task_type");
        assertThat(response.text("/errors/0/message"))
                .contains("unknown task type 'paint-the-warehouse'")
                .contains("known types: [")
                .contains("fixture-forecast")
                .contains("recommend-products");
    }

    @Test
    void rejectsInputDataTheTaskTypesSchemaRefusesNamingTheFields() {
        Response response = api.post(
                "/api/v1/agents/tasks",
                with(ofType(CapabilitiesMother.STRICT_TASK_TYPE), "input_data", Map.of("limit", 0)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("input_data.limit", "input_data.user_id");
        assertThat(response.text("/detail")).contains("recommend-products");
    }

    @Test
    void acceptsInputDataTheTaskTypesSchemaAccepts() {
        Response response = api.post(
                "/api/v1/agents/tasks",
                with(
                        ofType(CapabilitiesMother.STRICT_TASK_TYPE),
                        "input_data",
                        Map.of("user_id", "12345", "limit", 5)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/assigned_agent_type")).isEqualTo("recommendation");
        assertThat(response.text("/status")).isEqualTo("QUEUED");
    }

    @Test
    void refusesATaskTypeOnceItsAgentStopsAnnouncingIt() {
        announcements.announce(CapabilitiesMother.announcing("finance", "check-budget", "forecast-cash"));
        assertThat(api.post("/api/v1/agents/tasks", ofType("forecast-cash")).status())
                .isEqualTo(201);

        announcements.announce(CapabilitiesMother.announcing("finance", "check-budget"));
        Response refused = api.post("/api/v1/agents/tasks", ofType("forecast-cash"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("/errors/0/message")).contains("unknown task type 'forecast-cash'");
        assertThat(api.get("/api/v1/agents/task-types?agent_type=finance")
                        .body()
                        .valueStream()
                        .map(t -> t.path("task_type").asString()))
                .containsExactly("check-budget", "health-check");
    }

    @Test
    void rejectsInvalidFieldsWithEveryFieldNamed() {
        Map<String, Object> request =
                with(with(ofType("fixture-forecast"), "priority", 11), "expires_at", "2001-01-01T00:00:00Z");
        request.remove("input_data");

        Response response = api.post("/api/v1/agents/tasks", request);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("priority", "expires_at", "input_data");
    }

    @Test
    void refusesInstantsBeyondWhatCanBeStoredOrComputedNamingTheFieldInsteadOfFailingTheWrite() {
        String beyondTheDatabase = "+300000-01-01T00:00:00Z";
        String beyondADuration = "+1000000000-01-01T00:00:00Z";

        Response tooLate =
                api.post("/api/v1/agents/tasks", with(ofType("fixture-forecast"), "expires_at", beyondTheDatabase));
        Response overflowing =
                api.post("/api/v1/agents/tasks", with(ofType("fixture-forecast"), "expires_at", beyondADuration));
        Response inBatch = api.post(
                "/api/v1/agents/tasks/batch",
                Map.of("tasks", List.of(with(ofType("fixture-forecast"), "expires_at", beyondADuration))));
        Response invoked = api.post(
                "/api/v1/agents/" + AgentIds.forType("ad") + "/invoke",
                Map.of("input_data", Map.of(), "expires_at", beyondTheDatabase));
        Response listed = api.get("/api/v1/agents/tasks?created_from=%2B300000-01-01T00:00:00Z"
                + "&created_to=%2B1000000000-01-01T00:00:00Z");

        assertThat(tooLate.status()).isEqualTo(400);
        assertThat(tooLate.errorFields()).containsExactly("expires_at");
        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.errorFields()).containsExactly("expires_at");
        assertThat(inBatch.status()).isEqualTo(400);
        assertThat(inBatch.errorFields()).containsExactly("tasks[0].expires_at");
        assertThat(invoked.status()).isEqualTo(400);
        assertThat(invoked.errorFields()).containsExactly("expires_at");
        assertThat(listed.status()).isEqualTo(400);
        assertThat(listed.errorFields()).containsExactlyInAnyOrder("created_from", "created_to");
    }

    @Test
    void refusesATaskTooLargeForOneKafkaMessageInsteadOfAcceptingOneThatCanNeverBeSent() {
        // under the 2 MiB request limit, over the producer's 1 MiB max.request.size
        Map<String, Object> tooLarge =
                with(ofType("fixture-forecast"), "input_data", Map.of("attachment", "x".repeat(1_200_000)));
        long tasksBefore = api.get("/api/v1/agents/tasks?task_type=fixture-forecast&limit=1")
                .body()
                .at("/pagination/total")
                .asLong();

        Response response = api.post("/api/v1/agents/tasks", tooLarge);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("input_data");
        assertThat(response.text("/detail")).contains("too large");
        assertThat(api.get("/api/v1/agents/tasks?task_type=fixture-forecast&limit=1")
                        .body()
                        .at("/pagination/total")
                        .asLong())
                .as("nothing stored")
                .isEqualTo(tasksBefore);
        assertThat(api.post(
                                "/api/v1/agents/tasks",
                                with(
                                        ofType("fixture-forecast"),
                                        "input_data",
                                        Map.of("attachment", "x".repeat(900_000))))
                        .status())
                .as("a large task that fits is still taken")
                .isEqualTo(201);
    }

    @Test
    void rejectsMalformedJsonAndNonObjectInput() {
        assertThat(api.post("/api/v1/agents/tasks", "{\"task_type\": ").status())
                .isEqualTo(400);
        Response notAnObject = api.post("/api/v1/agents/tasks", with(ofType("fixture-forecast"), "input_data", "text"));
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.errorFields()).containsExactly("input_data");
    }

    @Test
    void rejectsABodyOverTheSizeLimitWith413() {
        String huge = "x".repeat(3 * 1024 * 1024);

        Response response =
                api.post("/api/v1/agents/tasks", with(ofType("fixture-forecast"), "input_data", Map.of("blob", huge)));

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void refusesAnOversizedBodyBeforeItIsSentWhenTheClientAsksFirst() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024];
        AtomicBoolean bodySent = new AtomicBoolean();
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(huge);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agents/tasks"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "ADMIN"))
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        subscriber -> {
                            bodySent.set(true);
                            bytes.subscribe(subscriber);
                        },
                        huge.length))
                .timeout(Duration.ofSeconds(30))
                .build();

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("Request too large");
        }
        assertThat(bodySent).isFalse();
    }

    @Test
    void answers404ForATaskThatDoesNotExistAnd400ForAMalformedId() {
        assertThat(api.get("/api/v1/agents/tasks/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agents/tasks/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void requiresAnAgentForTaskTypesEveryAgentAnswers() {
        Response response = api.post("/api/v1/agents/tasks", ofType("health-check"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("agent_id");
    }

    @Test
    void sendsATaskToTheAgentTheCallerNames() {
        Response response = api.post(
                "/api/v1/agents/tasks",
                with(ofType("health-check"), "agent_id", AgentIds.forType("ad").toString()));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/assigned_agent_type")).isEqualTo("ad");
        assertThat(response.text("/routing/method")).isEqualTo("EXPLICIT_AGENT");
    }

    @Test
    void listsTasksWithFiltersAndPaging() {
        String type = "fixture-stock-levels";
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/agents/tasks", ofType(type));
        }

        Response firstPage = api.get("/api/v1/agents/tasks?task_type=" + type + "&status=QUEUED&limit=2&page=1");

        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("items")).hasSize(2);
        assertThat(firstPage.body().at("/pagination/total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(firstPage.body().at("/pagination/limit").asInt()).isEqualTo(2);
        assertThat(firstPage.body().path("items").valueStream().map(t -> t.path("task_type")
                        .asString()))
                .containsOnly(type);
        assertThat(api.get("/api/v1/agents/tasks?status=SLEEPING").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/agents/tasks?limit=5000").status()).isEqualTo(400);
    }

    @Test
    void cancelsAnEscalatedTaskOnceAndRefusesTheSecondTime() {
        UUID taskId = UUID.fromString(
                api.post("/api/v1/agents/tasks", unclassified("xyz")).text("/task_id"));
        assertThat(api.get("/api/v1/agents/tasks/" + taskId).text("/status")).isEqualTo("ESCALATED");

        Response cancelled = api.post("/api/v1/agents/tasks/" + taskId + "/cancel", Map.of());
        Response again = api.post("/api/v1/agents/tasks/" + taskId + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("/status")).isEqualTo("CANCELLED");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void carriesTheCallersCorrelationIdIntoTheTaskAndItsEnvelope() {
        UUID correlationId = UUID.randomUUID();
        Response created =
                api.postWithCorrelation("/api/v1/agents/tasks", ofType("fixture-purchase-order"), correlationId);
        UUID taskId = UUID.fromString(created.text("/task_id"));

        assertThat(api.get("/api/v1/agents/tasks/" + taskId).text("/correlation_id"))
                .isEqualTo(correlationId.toString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !TOPICS.forTask(taskId).isEmpty());
        assertThat(TOPICS.forTask(taskId).getFirst().header().correlationId()).isEqualTo(correlationId);
    }

    @Test
    void expiresAQueuedTaskWhoseTimeRunsOutBeforeAnAgentStartsIt() {
        Response created = api.post(
                "/api/v1/agents/tasks",
                with(
                        ofType("fixture-campaign-report"),
                        "expires_at",
                        Instant.now().plusSeconds(2).toString()));
        UUID taskId = UUID.fromString(created.text("/task_id"));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/agents/tasks/" + taskId)
                .text("/status")
                .equals("EXPIRED"));
        assertThat(api.get("/api/v1/agents/tasks/" + taskId)
                        .body()
                        .path("transitions")
                        .valueStream()
                        .map(t -> t.path("to").asString()))
                .containsExactly("CREATED", "QUEUED", "EXPIRED");
    }
}

package com.agentfactory.supervisor.privacy;

import static com.agentfactory.supervisor.support.TaskRequestMother.ofType;
import static com.agentfactory.supervisor.support.TaskRequestMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.privacy.PrivacyAction;
import com.agentfactory.messaging.privacy.PrivacyReported;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.support.AgentReports;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The privacy coordinator on real PostgreSQL and Kafka: the supervisor answers its own part through the same
 * privacy.requests topic every service reads, the test plays the other services (their reports over Kafka, the
 * gateway's over HTTP under its client id).
 */
class PrivacyRequestsIT extends SupervisorIntegrationTest {

    private static final List<String> KAFKA_PARTICIPANTS = List.of(
            "support-agent",
            "recommendation-agent",
            "campaign-agent",
            "finance-service",
            "ad-agent",
            "inventory-agent");

    @Autowired
    EnvelopeCodec codec;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    private final UUID customer = UUID.randomUUID();
    private Api asCustomer;

    @BeforeEach
    void signIn() {
        asCustomer = api.withToken(TestTokens.customer(customer));
    }

    @Test
    void gathersAnExportFromEveryServiceIntoOneDocument() {
        UUID taskId = taskAbout(customer);
        postOwnProductView();

        Response created = asCustomer.post(requests(customer), Map.of("action", "EXPORT"));

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.text("/status")).isEqualTo("IN_PROGRESS");
        assertThat(created.body().path("participants").size()).isEqualTo(8);
        UUID requestId = UUID.fromString(created.text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");
        assertThat(asCustomer
                        .get(requests(customer) + "/" + requestId + "/export")
                        .status())
                .as("no export before every service has reported")
                .isEqualTo(409);

        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(requestId, participant, PrivacyAction.EXPORT));
        Response pending = asGateway().get("/api/v1/privacy/participants/gateway-service/requests");
        assertThat(pending.body().valueStream().map(r -> r.path("request_id").asString()))
                .contains(requestId.toString());
        Response reported = asGateway()
                .post(
                        reportPath(requestId),
                        Map.of("records", 1, "data", Map.of("account", List.of(Map.of("id", customer)))));
        assertThat(reported.status()).isEqualTo(204);

        JsonNode done = awaitStatus(requestId, "COMPLETED");
        assertThat(done.path("history").valueStream().map(e -> e.path("event").asString()))
                .startsWith("REQUESTED")
                .endsWith("COMPLETED");
        Response export = asCustomer.get(requests(customer) + "/" + requestId + "/export");
        assertThat(export.status()).isEqualTo(200);
        JsonNode services = export.body().path("services");
        assertThat(services.propertyNames()).contains("supervisor-agent", "support-agent", "gateway-service");
        JsonNode own = services.path("supervisor-agent");
        assertThat(own.path("tasks").valueStream().map(t -> t.path("id").asString()))
                .containsExactly(taskId.toString());
        assertThat(own.path("commerce_events").size()).isEqualTo(1);
        assertThat(services.path("support-agent")
                        .path("conversations")
                        .get(0)
                        .path("customer_id")
                        .asString())
                .isEqualTo(customer.toString());
        assertThat(api.get(requests(customer) + "/" + requestId)
                        .body()
                        .path("history")
                        .valueStream()
                        .map(e -> e.path("event").asString()))
                .contains("EXPORT_DOWNLOADED");
    }

    @Test
    void erasesTheCustomerInTheSupervisorAndCompletesWhenEveryServiceReported() {
        UUID taskId = taskAbout(customer);
        UUID otherTask = taskAbout(UUID.randomUUID());
        UUID earlierExport = completedExport();

        Response created = api.post(requests(customer), Map.of("action", "ERASURE"));

        assertThat(created.status()).isEqualTo(202);
        UUID requestId = UUID.fromString(created.text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");
        assertThat(api.get("/api/v1/agents/tasks/" + taskId)
                        .body()
                        .path("input_data")
                        .toString())
                .isEqualTo("{\"erased\":true}");
        assertThat(api.get("/api/v1/agents/tasks/" + otherTask)
                        .body()
                        .path("input_data")
                        .path("customer_id")
                        .isString())
                .isTrue();
        assertThat(api.get(requests(customer) + "/" + earlierExport + "/export").status())
                .as("the export document kept here is personal data too")
                .isEqualTo(409);

        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(requestId, participant, PrivacyAction.ERASURE));
        assertThat(asGateway().post(reportPath(requestId), Map.of("records", 3)).status())
                .isEqualTo(204);

        JsonNode done = awaitStatus(requestId, "COMPLETED");
        assertThat(done.path("participants").valueStream().map(p -> p.path("state")
                        .asString()))
                .containsOnly("DONE");
        assertThat(done.path("requested_by").asString()).isEqualTo("test-user");
    }

    @Test
    void storesTheIdOfACustomerSentInUpperCaseInLowerCaseSoTheirExportAndErasureFindTheTask() {
        String sentAs = customer.toString().toUpperCase(Locale.ROOT);
        Response created = api.postAs(
                "/api/v1/agents/tasks", with(ofType("handle-complaint"), "input_data", complaintOf(sentAs)), sentAs);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID taskId = UUID.fromString(created.text("/task_id"));

        assertThat(jdbc.queryForMap(
                        "SELECT input_data ->> 'customer_id' AS customer_id, requested_by FROM tasks WHERE id = ?",
                        taskId))
                .containsEntry("customer_id", customer.toString())
                .containsEntry("requested_by", customer.toString());
        assertThat(exportedTaskIds()).containsExactly(taskId.toString());
        eraseInTheSupervisor();
        assertThat(jdbc.queryForMap(
                        "SELECT input_data::text AS input_data, requested_by FROM tasks WHERE id = ?", taskId))
                .containsEntry("input_data", "{\"erased\": true}")
                .containsEntry("requested_by", "erased");
    }

    @Test
    void exportsAndErasesTasksStoredBeforeWithTheCustomersIdInUpperOrMixedCase() {
        String id = customer.toString();
        UUID aboutThem = taskAbout(customer);
        UUID askedForByThem = taskAbout(UUID.randomUUID());
        // as intake stored them before it put customer ids in lower case
        jdbc.update(
                "UPDATE tasks SET input_data = jsonb_set(input_data, '{customer_id}', to_jsonb(?::text)) WHERE id = ?",
                id.toUpperCase(Locale.ROOT),
                aboutThem);
        jdbc.update(
                "UPDATE tasks SET requested_by = ? WHERE id = ?",
                id.substring(0, 18).toUpperCase(Locale.ROOT) + id.substring(18),
                askedForByThem);

        assertThat(exportedTaskIds()).containsExactlyInAnyOrder(aboutThem.toString(), askedForByThem.toString());
        eraseInTheSupervisor();
        assertThat(jdbc.queryForList(
                        "SELECT input_data::text FROM tasks WHERE id IN (?, ?)",
                        String.class,
                        aboutThem,
                        askedForByThem))
                .containsOnly("{\"erased\": true}")
                .hasSize(2);
        assertThat(jdbc.queryForObject("SELECT requested_by FROM tasks WHERE id = ?", String.class, askedForByThem))
                .isEqualTo("erased");
    }

    @Test
    void keepsNoOutputOrErrorAnAgentReportsOnATaskAfterItsCustomerWasErased() {
        UUID completed = taskAbout(customer);
        UUID failed = taskAbout(customer);
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        // the support agent held both tasks while the customer was erased
        AgentReports agent = new AgentReports(kafka);
        agent.report(
                completed,
                "support",
                ReportedTaskStatus.COMPLETED,
                codec.toTree(Map.of("reply", "Dear Ada Lovelace, your parcel to 12 St James's Square is on its way")),
                null,
                1);
        agent.failed(
                failed,
                "support",
                "no order of ada.lovelace@example.com to complain about",
                FailureKind.INVALID_INPUT,
                List.of());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Stream.of(completed, failed)
                        .map(task -> storedTask(task).get("status")))
                .containsExactly("COMPLETED", "FAILED"));
        assertThat(storedTask(completed))
                .containsEntry("output_data", "{\"erased\": true}")
                .containsEntry("error_message", null);
        assertThat(storedTask(failed)).containsEntry("output_data", null).containsEntry("error_message", null);
    }

    @Test
    void replacesTheAgentsWordsInTheHistoryEscalationAndFieldErrorsOfTheCustomersTasksWhenErased() {
        UUID exhausted = escalatedTaskAbout(customer, "timeout writing to ada.lovelace@example.com");
        UUID unsupported = taskAbout(customer);
        UUID refused = taskAbout(customer);
        AgentReports agent = new AgentReports(kafka);
        agent.failed(
                unsupported,
                "support",
                "no handler for the parcel of ada.lovelace@example.com",
                FailureKind.UNSUPPORTED_TASK_TYPE,
                List.of());
        agent.failed(
                refused,
                "support",
                "no order of ada.lovelace@example.com to complain about",
                FailureKind.INVALID_INPUT,
                List.of(new FieldErrorDetail("order_id", "ada.lovelace@example.com has no order 536365")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Stream.of(exhausted, unsupported, refused)
                        .map(task -> storedTask(task).get("status")))
                .containsExactly("ESCALATED", "ESCALATED", "FAILED"));
        assertThat(historyOf(exhausted)).anySatisfy(move -> assertThat(move).contains("ada.lovelace"));

        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        assertThat(historyOf(exhausted))
                .as("the moves stay, the agent's words in them do not")
                .hasSize(4)
                .startsWith("CREATED: accepted")
                .endsWith("FAILED: [erased]", "ESCALATED: retries exhausted after 1 attempt(s): [erased]");
        assertThat(historyOf(unsupported))
                .endsWith("FAILED: [erased]", "ESCALATED: support has no handler for the task type: [erased]");
        assertThat(historyOf(refused)).endsWith("FAILED: [erased]");
        assertThat(escalationReasonsOf(exhausted)).containsExactly("retries exhausted after 1 attempt(s): [erased]");
        assertThat(escalationReasonsOf(unsupported))
                .containsExactly("support has no handler for the task type: [erased]");
        assertThat(jdbc.queryForObject("SELECT errors::text FROM tasks WHERE id = ?", String.class, refused))
                .isNull();
        assertThat(Stream.of(exhausted, unsupported, refused)
                        .map(task ->
                                api.get("/api/v1/agents/tasks/" + task).body().toString()))
                .noneMatch(task -> task.contains("ada.lovelace"));
        assertThat(jdbc
                        .queryForList(
                                "SELECT id FROM escalations WHERE task_id IN (?, ?)",
                                UUID.class,
                                exhausted,
                                unsupported)
                        .stream()
                        .map(escalation -> api.get("/api/v1/escalations/" + escalation)
                                .body()
                                .toString()))
                .hasSize(2)
                .noneMatch(escalation -> escalation.contains("ada.lovelace"));
        assertThat(exportDocument().toString())
                .as("an export after the erasure")
                .doesNotContain("ada.lovelace");
    }

    @Test
    void keepsNoWordsOfAFailureReportedAfterTheErasureInTheHistoryEscalationOrFieldErrors() {
        UUID exhausted = taskAbout(customer);
        UUID refused = taskAbout(customer);
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        // the support agent held both tasks while the customer was erased
        AgentReports agent = new AgentReports(kafka);
        agent.failed(
                exhausted,
                "support",
                "timeout writing to ada.lovelace@example.com",
                FailureKind.RETRIES_EXHAUSTED,
                List.of());
        agent.failed(
                refused,
                "support",
                "no order of ada.lovelace@example.com to complain about",
                FailureKind.INVALID_INPUT,
                List.of(new FieldErrorDetail("order_id", "ada.lovelace@example.com has no order 536365")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Stream.of(exhausted, refused)
                        .map(task -> storedTask(task).get("status")))
                .containsExactly("ESCALATED", "FAILED"));
        assertThat(historyOf(exhausted))
                .endsWith("FAILED: [erased]", "ESCALATED: retries exhausted after 1 attempt(s): [erased]");
        assertThat(historyOf(refused)).endsWith("FAILED: [erased]");
        assertThat(escalationReasonsOf(exhausted)).containsExactly("retries exhausted after 1 attempt(s): [erased]");
        assertThat(jdbc.queryForMap("SELECT failure, errors::text AS errors FROM tasks WHERE id = ?", refused))
                .containsEntry("failure", "INVALID_INPUT")
                .containsEntry("errors", null);
    }

    @Test
    void keepsNeitherTheOutputNorTheNoteAPersonGivesAnEscalatedTaskOfAnErasedCustomer() {
        UUID completed = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        UUID cancelled = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        Response completedByCarol = resolve(
                completed,
                Map.of(
                        "outcome",
                        "COMPLETED",
                        "output_data",
                        Map.of("answer", "rang Ada Lovelace on 020 7946 0018, parcel found"),
                        "note",
                        "Ada Lovelace confirmed on 020 7946 0018"),
                "carol");
        Response cancelledByCarol = resolve(
                cancelled, Map.of("outcome", "CANCELLED", "note", "Ada Lovelace withdrew the complaint"), "carol");

        assertThat(completedByCarol.status())
                .as(String.valueOf(completedByCarol.body()))
                .isEqualTo(200);
        assertThat(cancelledByCarol.status())
                .as(String.valueOf(cancelledByCarol.body()))
                .isEqualTo(200);
        assertThat(storedTask(completed))
                .containsEntry("status", "COMPLETED")
                .containsEntry("output_data", "{\"erased\": true}");
        assertThat(historyOf(completed)).endsWith("COMPLETED: [erased]");
        assertThat(historyOf(cancelled)).endsWith("CANCELLED: [erased]");
        assertThat(resolutionsOf(completed)).containsExactly("[erased]");
        assertThat(resolutionsOf(cancelled)).containsExactly("[erased]");
        assertThat(Stream.of(completedByCarol, cancelledByCarol)
                        .map(resolved -> resolved.body().toString()))
                .noneMatch(resolved -> resolved.contains("Ada Lovelace"));
    }

    @Test
    void replacesTheNotesPeopleTypedOnTheCustomersTasksWhenErasedAndKeepsTheSupervisorsOwnWords() {
        UUID completed = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        UUID cancelled = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        UUID requeued = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        UUID withoutNote = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        Stream.of(
                        resolve(
                                completed,
                                Map.of("outcome", "COMPLETED", "note", "rang Ada Lovelace on 020 7946 0018"),
                                "carol"),
                        resolve(
                                cancelled,
                                Map.of("outcome", "CANCELLED", "note", "Ada Lovelace withdrew the complaint"),
                                "carol"),
                        resolve(
                                requeued,
                                Map.of("outcome", "REQUEUED", "note", "Ada Lovelace moved to 12 St James's Square"),
                                "carol"),
                        resolve(withoutNote, Map.of("outcome", "COMPLETED"), "carol"))
                .forEach(resolved -> assertThat(resolved.status())
                        .as(String.valueOf(resolved.body()))
                        .isEqualTo(200));
        assertThat(historyOf(completed)).last().asString().contains("Ada Lovelace");

        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        assertThat(historyOf(completed)).endsWith("COMPLETED: [erased]");
        assertThat(historyOf(cancelled)).endsWith("CANCELLED: [erased]");
        assertThat(historyOf(requeued)).endsWith("QUEUED: [erased]");
        assertThat(historyOf(withoutNote)).endsWith("COMPLETED: completed by carol");
        assertThat(Stream.of(completed, cancelled, requeued, withoutNote).map(this::resolutionsOf))
                .containsExactly(
                        List.of("[erased]"), List.of("[erased]"), List.of("[erased]"), List.of("completed by carol"));
        assertThat(Stream.of(completed, cancelled, requeued)
                        .flatMap(task -> Stream.of(
                                api.get("/api/v1/agents/tasks/" + task).body().toString(),
                                api.get("/api/v1/escalations/" + escalationOf(task))
                                        .body()
                                        .toString())))
                .noneMatch(shown -> shown.contains("Ada Lovelace"));
    }

    @Test
    void erasesTheCustomersIdFromTheMovesTheyMadeOfTheirTasksAndKeepsEveryoneElses() {
        UUID askedForAndCancelled = escalatedTaskAskedForBy(customer.toString());
        // a customer id as the caller sent it, compared without case as the erasure compares requested_by
        Response cancelled = api.postAs(
                "/api/v1/agents/tasks/" + askedForAndCancelled + "/cancel",
                Map.of(),
                customer.toString().toUpperCase(Locale.ROOT));
        assertThat(cancelled.status()).as(String.valueOf(cancelled.body())).isEqualTo(200);
        UUID askedForBySomeoneElse = taskAbout(customer);
        assertThat(actorsOf(askedForAndCancelled))
                .contains(customer.toString(), customer.toString().toUpperCase(Locale.ROOT));
        assertThat(jdbc.queryForObject(
                        "SELECT resolved_by FROM escalations WHERE task_id = ?", String.class, askedForAndCancelled))
                .isEqualTo(customer.toString().toUpperCase(Locale.ROOT));

        eraseInTheSupervisor();

        JsonNode shown = api.get("/api/v1/agents/tasks/" + askedForAndCancelled).body();
        assertThat(shown.path("transitions").valueStream().map(move -> move.path("actor")
                        .asString()))
                .containsExactly("erased", "supervisor", "support-test-instance", "supervisor", "erased");
        assertThat(shown.path("transitions").valueStream().map(move -> move.path("reason")
                        .asString()))
                .last()
                .isEqualTo("cancelled by erased");
        assertThat(shown.toString().toLowerCase(Locale.ROOT)).doesNotContain(customer.toString());
        assertThat(actorsOf(askedForBySomeoneElse)).first().isEqualTo("test-user");
        // cancelling the task resolved its escalation, which no one had claimed, in the customer's name
        JsonNode escalation = api.get("/api/v1/escalations/" + escalationOf(askedForAndCancelled))
                .body();
        assertThat(escalation.path("resolved_by").asString()).isEqualTo("erased");
        assertThat(escalation.path("claimed_by").asString()).isEqualTo("erased");
        assertThat(escalation.path("resolution").asString()).isEqualTo("cancelled by erased");
        assertThat(escalation.toString().toLowerCase(Locale.ROOT)).doesNotContain(customer.toString());
    }

    @Test
    void recordsACancelByACustomerErasedBeforeWithoutTheirId() {
        UUID taskId = escalatedTaskAskedForBy(customer.toString());
        eraseInTheSupervisor();

        Response cancelled = api.postAs("/api/v1/agents/tasks/" + taskId + "/cancel", Map.of(), customer.toString());

        assertThat(cancelled.status()).as(String.valueOf(cancelled.body())).isEqualTo(200);
        assertThat(actorsOf(taskId)).last().isEqualTo("erased");
        assertThat(historyOf(taskId)).last().isEqualTo("CANCELLED: cancelled by erased");
        assertThat(jdbc.queryForObject("SELECT resolved_by FROM escalations WHERE task_id = ?", String.class, taskId))
                .isEqualTo("erased");
    }

    @Test
    void aRequeueWithoutANoteSaysWhichAgentTheTaskWentToAndErasureKeepsIt() {
        UUID requeued = escalatedTaskAbout(customer, "IllegalStateException: mail down");
        Response resolved = resolve(requeued, Map.of("outcome", "REQUEUED", "agent_type", "support"), "carol");
        assertThat(resolved.status()).as(String.valueOf(resolved.body())).isEqualTo(200);
        assertThat(historyOf(requeued)).contains("QUEUED: requeued to support by carol");

        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");

        assertThat(historyOf(requeued)).contains("QUEUED: requeued to support by carol");
        assertThat(resolutionsOf(requeued)).containsExactly("requeued to support by carol");
    }

    @Test
    void answersAnEventResentAfterTheCustomersErasureAsARepeat() {
        Map<String, Object> view = postOwnProductView();
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");
        assertThat(jdbc.queryForObject(
                        "SELECT payload::text FROM commerce_events WHERE event_id = ?::uuid",
                        String.class,
                        view.get("event_id")))
                .isEqualTo("{\"erased\": true}");
        Map<String, Object> anotherUnderItsId = new LinkedHashMap<>(view);
        anotherUnderItsId.put("occurred_at", "2010-12-02T09:00:00Z");

        Response resent = asCustomer.post("/api/v1/events", view);
        Response another = asCustomer.post("/api/v1/events", anotherUnderItsId);

        assertThat(resent.status()).as(String.valueOf(resent.body())).isEqualTo(200);
        assertThat(resent.text("/status")).isEqualTo("DUPLICATE");
        assertThat(another.status())
                .as("another event is not taken for the erased one")
                .isEqualTo(422);
        assertThat(another.errorFields()).containsExactly("event_id");
    }

    @Test
    void keepsNoExportPartReportedAfterTheCustomerAskedToBeErased() {
        Response export = asCustomer.post(requests(customer), Map.of("action", "EXPORT"));
        UUID exportId = UUID.fromString(export.text("/id"));
        awaitParticipant(exportId, "supervisor-agent", "DONE");
        Response erasure = asCustomer.post(requests(customer), Map.of("action", "ERASURE"));
        UUID erasureId = UUID.fromString(erasure.text("/id"));
        awaitParticipant(erasureId, "supervisor-agent", "DONE");

        // the export's other participants were slower than the erasure
        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(exportId, participant, PrivacyAction.EXPORT));
        assertThat(asGateway()
                        .post(
                                reportPath(exportId),
                                Map.of("records", 1, "data", Map.of("account", List.of(Map.of("id", customer)))))
                        .status())
                .isEqualTo(204);

        awaitStatus(exportId, "COMPLETED");
        Response download = asCustomer.get(requests(customer) + "/" + exportId + "/export");
        assertThat(download.status())
                .as("every part reported after the erasure was counted, none kept")
                .isEqualTo(409);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM privacy_export_parts WHERE request_id = ?", Long.class, exportId))
                .isZero();
    }

    @Test
    void acceptsAnErasureReportWhoseDataIsAnExplicitNullAsOneWithoutData() {
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(requestId, participant, PrivacyAction.ERASURE));

        Response reported = asGateway().post(reportPath(requestId), "{\"records\": 2, \"data\": null}");

        assertThat(reported.status()).as(String.valueOf(reported.body())).isEqualTo(204);
        assertThat(awaitStatus(requestId, "COMPLETED")
                        .path("participants")
                        .valueStream()
                        .map(p -> p.path("state").asString()))
                .containsOnly("DONE");
    }

    @Test
    void keepsNoExportPartForAReportWhoseDataIsAnExplicitNull() {
        UUID requestId = UUID.fromString(
                asCustomer.post(requests(customer), Map.of("action", "EXPORT")).text("/id"));
        // the codec writes ad-agent's absent data as "data": null, as other services' mappers may too
        KAFKA_PARTICIPANTS.forEach(participant -> send(
                participant.equals("ad-agent")
                        ? new PrivacyReported(
                                requestId, participant, PrivacyAction.EXPORT, 0, null, null, Instant.now())
                        : report(requestId, participant, PrivacyAction.EXPORT)));
        assertThat(asGateway()
                        .post(reportPath(requestId), "{\"records\": 0, \"data\": null}")
                        .status())
                .isEqualTo(204);
        awaitStatus(requestId, "COMPLETED");

        Response download = asCustomer.get(requests(customer) + "/" + requestId + "/export");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body().path("services").propertyNames())
                .contains("supervisor-agent", "support-agent")
                .doesNotContain("ad-agent", "gateway-service");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM privacy_export_parts WHERE request_id = ?"
                                + " AND participant IN ('ad-agent', 'gateway-service')",
                        Long.class,
                        requestId))
                .isZero();
    }

    @Test
    void aFailedPartFailsTheRequestAndNamesTheService() {
        UUID requestId = UUID.fromString(
                asCustomer.post(requests(customer), Map.of("action", "EXPORT")).text("/id"));
        KAFKA_PARTICIPANTS.forEach(participant -> send(
                participant.equals("finance-service")
                        ? new PrivacyReported(
                                requestId, participant, PrivacyAction.EXPORT, 0, null, "database down", Instant.now())
                        : report(requestId, participant, PrivacyAction.EXPORT)));
        asGateway().post(reportPath(requestId), Map.of("records", 0));

        JsonNode failed = awaitStatus(requestId, "FAILED");

        assertThat(failed.path("participants")
                        .valueStream()
                        .filter(p -> p.path("state").asString().equals("FAILED"))
                        .map(p -> p.path("participant").asString() + ": "
                                + p.path("failure").asString()))
                .containsExactly("finance-service: database down");
        assertThat(asCustomer
                        .get(requests(customer) + "/" + requestId + "/export")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aCustomerReachesOnlyTheirOwnRequests() {
        UUID requestId = UUID.fromString(
                asCustomer.post(requests(customer), Map.of("action", "EXPORT")).text("/id"));
        UUID other = UUID.randomUUID();
        Api asOther = api.withToken(TestTokens.customer(other));

        assertThat(asOther.get(requests(other) + "/" + requestId).status()).isEqualTo(404);
        assertThat(asOther.get(requests(customer) + "/" + requestId).status()).isEqualTo(403);
        assertThat(asOther.post(requests(customer), Map.of("action", "ERASURE")).status())
                .isEqualTo(403);
        assertThat(asCustomer.get(requests(customer)).body().valueStream().map(r -> r.path("id")
                        .asString()))
                .containsExactly(requestId.toString());
    }

    @Test
    void onlyTheNamedClientReportsForAParticipantOverHttp() {
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        Api otherService = api.withToken(TestTokens.client("campaign"));

        assertThat(otherService
                        .post(reportPath(requestId), Map.of("records", 0))
                        .status())
                .isEqualTo(403);
        assertThat(otherService
                        .get("/api/v1/privacy/participants/gateway-service/requests")
                        .status())
                .isEqualTo(403);
        assertThat(asGateway()
                        .post(
                                "/api/v1/privacy/participants/support-agent/requests/" + requestId + "/report",
                                Map.of("records", 0))
                        .status())
                .as("a Kafka participant does not report over HTTP")
                .isEqualTo(404);
        assertThat(asGateway().post(reportPath(requestId), Map.of("records", 2)).status())
                .isEqualTo(204);
        assertThat(asGateway().post(reportPath(requestId), Map.of("records", 2)).status())
                .isEqualTo(409);
        assertThat(asGateway()
                        .post(reportPath(requestId), Map.of("records", -1))
                        .status())
                .isEqualTo(400);
        assertThat(asGateway()
                        .get("/api/v1/privacy/participants/gateway-service/requests")
                        .body()
                        .valueStream()
                        .map(r -> r.path("request_id").asString()))
                .doesNotContain(requestId.toString());
    }

    @Test
    void refusesASecondRequestOfTheSameKindWhileTheFirstIsInProgress() {
        assertThat(asCustomer
                        .post(requests(customer), Map.of("action", "EXPORT"))
                        .status())
                .isEqualTo(202);

        Response again = asCustomer.post(requests(customer), Map.of("action", "EXPORT"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/detail")).contains("still in progress");
        assertThat(asCustomer
                        .post(requests(customer), Map.of("action", "ERASURE"))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void answersConflictNotAnErrorToTheLoserOfTwoRequestsOfOneKindAtOnce() throws Exception {
        try (Connection other = LockWaits.secondConnection(environment);
                var caller = Executors.newVirtualThreadPerTaskExecutor()) {
            // another instance's export request for the customer, past its check and not yet committed
            try (PreparedStatement insert = other.prepareStatement("""
                    INSERT INTO privacy_requests (id, customer_id, action, status, participants, requested_by,
                                                  requested_at, version)
                    VALUES (?, ?, 'EXPORT', 'IN_PROGRESS', ARRAY['supervisor-agent'], 'another instance', now(), 0)
                    """)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, customer);
                insert.executeUpdate();
            }
            Future<Response> request =
                    caller.submit(() -> asCustomer.post(requests(customer), Map.of("action", "EXPORT")));
            // the API's check saw no open export; its insert now waits on the unique index for the other transaction
            LockWaits.awaitStatementWaitingForLock(jdbc, "INSERT INTO%privacy_requests", request);
            other.commit();

            Response loser = request.get(30, TimeUnit.SECONDS);
            assertThat(loser.status()).as(String.valueOf(loser.body())).isEqualTo(409);
            assertThat(loser.text("/detail")).contains("still in progress");
        }
    }

    @Test
    void rejectsARequestWithoutAnAction() {
        Response refused = asCustomer.post(requests(customer), Map.of("action", "FORGET_ME"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
    }

    private UUID completedExport() {
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "EXPORT")).text("/id"));
        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(requestId, participant, PrivacyAction.EXPORT));
        asGateway().post(reportPath(requestId), Map.of("records", 0));
        awaitStatus(requestId, "COMPLETED");
        assertThat(api.get(requests(customer) + "/" + requestId + "/export").status())
                .isEqualTo(200);
        return requestId;
    }

    /** A new export of the customer, every service reported; the document they download. */
    private JsonNode exportDocument() {
        UUID requestId = UUID.fromString(
                asCustomer.post(requests(customer), Map.of("action", "EXPORT")).text("/id"));
        KAFKA_PARTICIPANTS.forEach(participant -> reportOverKafka(requestId, participant, PrivacyAction.EXPORT));
        asGateway().post(reportPath(requestId), Map.of("records", 0));
        awaitStatus(requestId, "COMPLETED");
        Response export = asCustomer.get(requests(customer) + "/" + requestId + "/export");
        assertThat(export.status()).isEqualTo(200);
        return export.body();
    }

    private UUID taskAbout(UUID customerId) {
        Response created = api.post(
                "/api/v1/agents/tasks",
                with(ofType("handle-complaint"), "input_data", complaintOf(customerId.toString())));
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("/task_id"));
    }

    private static Map<String, Object> complaintOf(String customerId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("customer_id", customerId);
        input.put("note", "where is my parcel?");
        return input;
    }

    /** The ids of the tasks in a new export of the customer. */
    private List<String> exportedTaskIds() {
        return exportDocument()
                .path("services")
                .path("supervisor-agent")
                .path("tasks")
                .valueStream()
                .map(task -> task.path("id").asString())
                .toList();
    }

    /** Asks for the customer's erasure and waits for the supervisor's own part of it. */
    private void eraseInTheSupervisor() {
        UUID requestId = UUID.fromString(
                api.post(requests(customer), Map.of("action", "ERASURE")).text("/id"));
        awaitParticipant(requestId, "supervisor-agent", "DONE");
    }

    /** A task about the customer that the support agent failed after its retries, now waiting for a person. */
    private UUID escalatedTaskAbout(UUID customerId, String error) {
        UUID taskId = taskAbout(customerId);
        new AgentReports(kafka).failed(taskId, "support", error, FailureKind.RETRIES_EXHAUSTED, List.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ESCALATED".equals(storedTask(taskId).get("status")));
        return taskId;
    }

    /** A task about the customer asked for by this caller, which the support agent failed, waiting for a person. */
    private UUID escalatedTaskAskedForBy(String caller) {
        Response created = api.postAs(
                "/api/v1/agents/tasks",
                with(ofType("handle-complaint"), "input_data", complaintOf(customer.toString())),
                caller);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        UUID taskId = UUID.fromString(created.text("/task_id"));
        new AgentReports(kafka)
                .failed(
                        taskId,
                        "support",
                        "IllegalStateException: mail down",
                        FailureKind.RETRIES_EXHAUSTED,
                        List.of());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ESCALATED".equals(storedTask(taskId).get("status")));
        return taskId;
    }

    /** Who made the task's moves, in their order. */
    private List<String> actorsOf(UUID taskId) {
        return jdbc.queryForList(
                "SELECT actor FROM task_transitions WHERE task_id = ? ORDER BY id", String.class, taskId);
    }

    private UUID escalationOf(UUID taskId) {
        return jdbc.queryForObject("SELECT id FROM escalations WHERE task_id = ?", UUID.class, taskId);
    }

    /** Resolves the task's escalation as this person. */
    private Response resolve(UUID taskId, Map<String, Object> resolution, String person) {
        return api.postAs("/api/v1/escalations/" + escalationOf(taskId) + "/resolve", resolution, person);
    }

    private List<String> resolutionsOf(UUID taskId) {
        return jdbc.queryForList("SELECT resolution FROM escalations WHERE task_id = ?", String.class, taskId);
    }

    /** The task's moves, each as its status and the reason given for it, if any. */
    private List<String> historyOf(UUID taskId) {
        return jdbc.query(
                "SELECT to_status, reason FROM task_transitions WHERE task_id = ? ORDER BY id",
                (rs, row) -> rs.getString("to_status")
                        + (rs.getString("reason") == null ? "" : ": " + rs.getString("reason")),
                taskId);
    }

    private List<String> escalationReasonsOf(UUID taskId) {
        return jdbc.queryForList("SELECT reason FROM escalations WHERE task_id = ?", String.class, taskId);
    }

    private Map<String, Object> storedTask(UUID taskId) {
        return jdbc.queryForMap(
                "SELECT status, output_data::text AS output_data, error_message FROM tasks WHERE id = ?", taskId);
    }

    /** The customer's own product view, stored; the event as sent. */
    private Map<String, Object> postOwnProductView() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "product.viewed");
        event.put("event_id", UUID.randomUUID().toString());
        event.put("occurred_at", "2010-12-01T08:26:00Z");
        event.put("customer_id", customer.toString());
        event.put("session_id", "session-" + UUID.randomUUID());
        event.put("product_id", UUID.randomUUID().toString());
        assertThat(asCustomer.post("/api/v1/events", event).status()).isEqualTo(202);
        return event;
    }

    private void reportOverKafka(UUID requestId, String participant, PrivacyAction action) {
        send(report(requestId, participant, action));
    }

    private PrivacyReported report(UUID requestId, String participant, PrivacyAction action) {
        JsonNode data = action == PrivacyAction.EXPORT
                ? codec.toTree(Map.of("conversations", List.of(Map.of("customer_id", customer.toString()))))
                : null;
        return new PrivacyReported(requestId, participant, action, 1, data, null, Instant.now());
    }

    private void send(PrivacyReported report) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
                .sender(null, report.participant())
                .recipient(null, "supervisor")
                .action(PrivacyReported.ACTION)
                .data(codec.toTree(report))
                .build();
        kafka.send(Topics.PRIVACY_REPORTS, report.requestId().toString(), codec.encode(envelope));
    }

    private Api asGateway() {
        return api.withToken(TestTokens.client("gateway"));
    }

    private static String requests(UUID customerId) {
        return "/api/v1/privacy/customers/" + customerId + "/requests";
    }

    private static String reportPath(UUID requestId) {
        return "/api/v1/privacy/participants/gateway-service/requests/" + requestId + "/report";
    }

    private void awaitParticipant(UUID requestId, String participant, String state) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(api.get(requests(customer) + "/" + requestId)
                                .body()
                                .path("participants")
                                .valueStream()
                                .filter(p -> p.path("participant").asString().equals(participant))
                                .map(p -> p.path("state").asString()))
                        .containsExactly(state));
    }

    private JsonNode awaitStatus(UUID requestId, String status) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.get(requests(customer) + "/" + requestId).body(),
                        body -> body.path("status").asString().equals(status));
    }
}

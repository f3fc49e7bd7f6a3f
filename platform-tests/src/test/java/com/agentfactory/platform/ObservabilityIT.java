package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.runtime.ReportedTaskStatus;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What operations sees of the running platform. One request's W3C trace, followed end to end: the client's traceparent enters at the gateway, the supervisor
 * records the task in that trace and answers in it, the task travels over Kafka (outbox relay, record header and
 * envelope) to the agent, and the agent's reports come back over Kafka in the same trace until the task is done.
 * And the series the alert rules and dashboards in k8s/base/monitoring select are on the services' Prometheus
 * endpoints.
 */
class ObservabilityIT extends AsAdminOnThePlatform {

    private static final String AGENT = "inventory";
    private static final int PRIORITY = 8;

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void oneRequestsTraceIdGoesFromTheGatewayThroughTheSupervisorAndKafkaToTheAgentAndBack() throws IOException {
        TraceContext client = TraceContext.newTrace();
        String traceId = client.traceId();

        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of(
                        "task_type",
                        "health-check",
                        "agent_id",
                        AgentIds.forType(AGENT).toString(),
                        "priority",
                        PRIORITY,
                        "input_data",
                        Map.of("echo", "traced")),
                Map.of(TraceContext.TRACEPARENT_HEADER, client.traceparent()));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header(TraceContext.TRACEPARENT_HEADER))
                .as("the supervisor answered inside the client's trace, through the gateway")
                .contains("-" + traceId + "-")
                .doesNotContain(client.spanId());
        UUID taskId = UUID.fromString(created.text("/task_id"));

        await().atMost(Duration.ofSeconds(90))
                .until(() -> Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken)
                        .text("/status")
                        .equals("COMPLETED"));
        Http.Reply task = Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken);
        assertThat(task.text("/trace_id")).as("the task the supervisor stored").isEqualTo(traceId);

        ConsumerRecord<String, String> dispatched = first(
                Topics.agentTasks(AGENT, Priority.bandOf(PRIORITY)),
                envelope -> taskId.equals(codec.fromTree(envelope.payload().context(), TaskDispatch.class)
                        .taskId()));
        assertThat(codec.decode(dispatched.value()).metadata().traceId())
                .as("the task envelope relayed from the supervisor's outbox")
                .isEqualTo(traceId);
        assertThat(traceparent(dispatched)).as("the task record's header").contains("-" + traceId + "-");

        List<ConsumerRecord<String, String>> reports = reportsOf(taskId);
        assertThat(reports)
                .extracting(
                        r -> codec.fromTree(codec.decode(r.value()).payload().data(), TaskStatusChanged.class)
                                .status())
                .contains(ReportedTaskStatus.RUNNING, ReportedTaskStatus.COMPLETED);
        assertThat(reports).allSatisfy(report -> {
            assertThat(codec.decode(report.value()).metadata().traceId())
                    .as("the agent's report envelope")
                    .isEqualTo(traceId);
            assertThat(traceparent(report)).as("the agent's report header").contains("-" + traceId + "-");
        });

        assertThat(logOf(platform.gateway.module()))
                .as("the gateway's access log line carries the trace id")
                .anyMatch(line -> line.contains(traceId) && line.contains("/api/v1/agents/tasks"));
    }

    @Test
    void theSeriesTheAlertRulesSelectAreOnTheServicesPrometheusEndpoints() throws Exception {
        Http.Reply created = Http.post(
                gateway("/api/v1/agents/tasks"),
                adminToken,
                Map.of(
                        "task_type",
                        "health-check",
                        "agent_id",
                        AgentIds.forType(AGENT).toString(),
                        "input_data",
                        Map.of("echo", "metrics")));
        assertThat(created.status()).isEqualTo(201);
        String taskId = created.text("/task_id");
        await().atMost(Duration.ofSeconds(90))
                .until(() -> Http.get(gateway("/api/v1/agents/tasks/" + taskId), adminToken)
                        .text("/status")
                        .equals("COMPLETED"));

        List<String> everyService = List.of(
                "http_server_requests_seconds_count",
                "http_server_requests_seconds_sum",
                "http_server_requests_seconds_max",
                "jvm_memory_used_bytes",
                "jvm_memory_max_bytes",
                "jvm_gc_pause_seconds_sum",
                "process_cpu_usage",
                "hikaricp_connections_active",
                "hikaricp_connections_pending");
        List<String> kafkaServices = List.of(
                "outbox_backlog",
                "outbox_published_total",
                "outbox_relay_failures_total",
                "kafka_consumer_fetch_manager_records_lag_max",
                "kafka_consumer_fetch_manager_records_consumed_rate");

        assertThat(seriesOf(platform.gateway.baseUrl())).containsAll(everyService);
        // the task counts are refreshed every 15 s after start-up
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(seriesOf(platform.supervisor.baseUrl()))
                .containsAll(everyService)
                .containsAll(kafkaServices)
                .contains(
                        "supervisor_tasks",
                        "supervisor_tasks_transitions_total",
                        "supervisor_routing_latency_seconds",
                        "tasks_write_batch_size_sum",
                        "tasks_write_batch_size_count"));
        assertThat(seriesOf(platform.inventory.baseUrl()))
                .containsAll(everyService)
                .containsAll(kafkaServices)
                .contains(
                        "agent_tasks_handled_total",
                        "agent_task_duration_seconds_count",
                        "agent_task_duration_seconds_sum");
    }

    /** The series names on a service's /actuator/prometheus (Prometheus text format). */
    private static java.util.Set<String> seriesOf(String baseUrl) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(baseUrl + "/actuator/prometheus").isEqualTo(200);
        java.util.Set<String> names = new java.util.TreeSet<>();
        response.body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> {
                    int end = line.indexOf('{');
                    names.add(line.substring(0, end >= 0 ? end : line.indexOf(' ')));
                });
        return names;
    }

    private ConsumerRecord<String, String> first(String topic, Predicate<MessageEnvelope> wanted) {
        List<ConsumerRecord<String, String>> found = read(topic, wanted, records -> !records.isEmpty());
        return found.getFirst();
    }

    private List<ConsumerRecord<String, String>> reportsOf(UUID taskId) {
        return read(
                Topics.AGENT_EVENTS,
                envelope -> TaskStatusChanged.isStatusAction(envelope.action())
                        && taskId.equals(codec.fromTree(envelope.payload().data(), TaskStatusChanged.class)
                                .taskId()),
                records -> records.stream()
                        .anyMatch(r ->
                                codec.fromTree(codec.decode(r.value()).payload().data(), TaskStatusChanged.class)
                                                .status()
                                        == ReportedTaskStatus.COMPLETED));
    }

    private List<ConsumerRecord<String, String>> read(
            String topic, Predicate<MessageEnvelope> wanted, Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(
                platform.infrastructure.kafkaBootstrapServers(), "trace-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(codec.decode(record.value()))) {
                        found.add(record);
                    }
                });
                return enough.test(found);
            });
        }
        return found;
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TraceContext.TRACEPARENT_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static List<String> logOf(String module) throws IOException {
        return Files.readAllLines(
                Path.of("target", "service-logs", module + ".log").toAbsolutePath(), StandardCharsets.UTF_8);
    }
}

package com.agentfactory.messaging.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.TaskContext;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.runtime.TaskHandler;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.testapp.MessagingTestApplication;
import com.agentfactory.messaging.testing.TestKafka;
import com.agentfactory.messaging.topic.Topics;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message written to the outbox inside a traced request keeps its trace id: the relay publishes it later from its
 * own thread, the Kafka record carries a W3C traceparent of the same trace, and the consumer (a listener, or the agent
 * runtime handling a task) runs in that trace, with the id in the logging context.
 */
@SpringBootTest(
        classes = {MessagingTestApplication.class, TracePropagationIT.Probes.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "management.tracing.sampling.probability=1.0")
@UsesLocalInfrastructure
class TracePropagationIT {

    static final String TOPIC = "trace-propagation-test";
    static final String AGENT = "test-agent";

    /** What a consumer saw: the tracer's current trace, the logging context's trace, the record's traceparent. */
    record Seen(String tracerTraceId, String mdcTraceId, String traceparent, String thread) {}

    static final Map<UUID, Seen> SEEN_BY_LISTENER = new ConcurrentHashMap<>();
    static final Map<UUID, Seen> SEEN_BY_HANDLER = new ConcurrentHashMap<>();

    @Autowired
    Tracer tracer;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EnvelopeCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aMessageRelayedFromTheOutboxIsConsumedInTheTraceItWasWrittenIn() {
        Span request = tracer.nextSpan().name("request").start();
        MessageEnvelope envelope;
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            envelope = MessageEnvelope.builder()
                    .sender(null, "test")
                    .recipient(null, "test")
                    .action("trace.test")
                    .build();
            transactions.executeWithoutResult(
                    status -> outbox.append(TOPIC, envelope.messageId().toString(), envelope));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(envelope.metadata().traceId())
                .as("the envelope stores the request's trace")
                .isEqualTo(traceId);

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN_BY_LISTENER.containsKey(envelope.messageId()));
        Seen seen = SEEN_BY_LISTENER.get(envelope.messageId());
        assertThat(seen.traceparent()).as("the record's traceparent").contains("-" + traceId + "-");
        assertThat(seen.traceparent())
                .as("the relay's producer span, a child of the request's span, is the parent")
                .doesNotContain(request.context().spanId());
        assertThat(seen.tracerTraceId()).as("the listener's span").isEqualTo(traceId);
        assertThat(seen.mdcTraceId())
                .as("the trace id in the listener's log lines")
                .isEqualTo(traceId);
        assertThat(seen.thread()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aTaskRelayedToTheAgentRunsAndReportsBackInTheTraceOfTheRequest() {
        UUID taskId = UUID.randomUUID();
        Span request = tracer.nextSpan().name("submit task").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            MessageEnvelope task = MessageEnvelope.builder()
                    .priority(5)
                    .sender(UUID.randomUUID().toString(), "supervisor")
                    .recipient(null, AGENT)
                    .action(TraceProbeHandler.TYPE)
                    .data(codec.toTree(Map.of()))
                    .context(codec.toTree(new TaskDispatch(taskId, null, "test")))
                    .build();
            transactions.executeWithoutResult(
                    status -> outbox.append(Topics.agentTasks(AGENT, Priority.NORMAL), taskId.toString(), task));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        await().atMost(Duration.ofSeconds(60)).until(() -> SEEN_BY_HANDLER.containsKey(taskId));
        Seen seen = SEEN_BY_HANDLER.get(taskId);
        assertThat(seen.tracerTraceId()).as("the agent's consumer span").isEqualTo(traceId);
        assertThat(seen.mdcTraceId())
                .as("the trace id in the agent's log lines")
                .isEqualTo(traceId);

        List<ConsumerRecord<String, String>> reports = reportsOf(taskId);
        assertThat(reports).isNotEmpty().allSatisfy(report -> {
            assertThat(codec.decode(report.value()).metadata().traceId()).isEqualTo(traceId);
            assertThat(traceparent(report)).contains("-" + traceId + "-");
        });
    }

    private List<ConsumerRecord<String, String>> reportsOf(UUID taskId) {
        List<ConsumerRecord<String, String>> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var consumer = TestKafka.consumerFromBeginning(bootstrapServers, "trace-reports")) {
            consumer.subscribe(List.of(Topics.AGENT_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    MessageEnvelope envelope = codec.decode(record.value());
                    if (TaskStatusChanged.isStatusAction(envelope.action())
                            && codec.fromTree(envelope.payload().data(), TaskStatusChanged.class)
                                    .taskId()
                                    .equals(taskId)) {
                        reports.add(record);
                    }
                });
                return reports.stream()
                        .anyMatch(r -> codec.decode(r.value()).action().endsWith("completed"));
            });
        }
        return reports;
    }

    static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TraceContext.TRACEPARENT_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    static Seen seen(Tracer tracer, String traceparent) {
        Span current = tracer.currentSpan();
        return new Seen(
                current == null ? null : current.context().traceId(),
                MDC.get(TraceContext.MDC_TRACE_ID),
                traceparent,
                Thread.currentThread().getName());
    }

    @TestConfiguration
    static class Probes {

        @Bean
        KafkaAdmin.NewTopics traceTestTopic() {
            return new KafkaAdmin.NewTopics(
                    TopicBuilder.name(TOPIC).partitions(1).build());
        }

        @Bean
        TraceProbeListener traceProbeListener(Tracer tracer, EnvelopeCodec codec) {
            return new TraceProbeListener(tracer, codec);
        }

        @Bean
        TaskHandler<ProbeInput, ProbeOutput> traceProbeHandler(Tracer tracer) {
            return new TraceProbeHandler(tracer);
        }
    }

    static class TraceProbeListener {
        private final Tracer tracer;
        private final EnvelopeCodec codec;

        TraceProbeListener(Tracer tracer, EnvelopeCodec codec) {
            this.tracer = tracer;
            this.codec = codec;
        }

        @KafkaListener(topics = TOPIC, groupId = "trace-probe")
        void receive(ConsumerRecord<String, String> record) {
            SEEN_BY_LISTENER.put(codec.decode(record.value()).messageId(), seen(tracer, traceparent(record)));
        }
    }

    record ProbeInput() {}

    record ProbeOutput(boolean traced) {}

    /** A task handler that notes the trace it runs in. */
    static class TraceProbeHandler implements TaskHandler<ProbeInput, ProbeOutput> {
        static final String TYPE = "trace-probe";
        private final Tracer tracer;

        TraceProbeHandler(Tracer tracer) {
            this.tracer = tracer;
        }

        @Override
        public String taskType() {
            return TYPE;
        }

        @Override
        public String description() {
            return "Notes the trace the task runs in.";
        }

        @Override
        public ProbeInput example() {
            return new ProbeInput();
        }

        @Override
        public ProbeOutput handle(ProbeInput input, TaskContext context) {
            SEEN_BY_HANDLER.put(context.taskId(), seen(tracer, null));
            return new ProbeOutput(true);
        }
    }
}

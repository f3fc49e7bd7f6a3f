package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Handles one task record: decode, drop if expired, skip if already handled, report progress, run the
 * handler and record completion in one transaction. Exceptions escape to the container's error handler,
 * which retries with backoff and then hands the record to {@link TaskFailureRecoverer}.
 */
final class TaskRecordProcessor {

    private static final Logger log = LoggerFactory.getLogger(TaskRecordProcessor.class);

    private final Map<String, AgentTaskHandler> handlers;
    private final EnvelopeCodec codec;
    private final ProcessedMessages processed;
    private final TransactionTemplate transactions;
    private final AgentEventPublisher events;
    private final PriorityGate gate;
    private final String consumerName;
    private final MeterRegistry meters;
    private final Clock clock;

    TaskRecordProcessor(
            Map<String, AgentTaskHandler> handlers,
            EnvelopeCodec codec,
            ProcessedMessages processed,
            TransactionTemplate transactions,
            AgentEventPublisher events,
            PriorityGate gate,
            String consumerName,
            MeterRegistry meters,
            Clock clock) {
        this.handlers = handlers;
        this.codec = codec;
        this.processed = processed;
        this.transactions = transactions;
        this.events = events;
        this.gate = gate;
        this.consumerName = consumerName;
        this.meters = meters;
        this.clock = clock;
    }

    void process(ConsumerRecord<String, String> record, Priority band) throws Exception {
        AgentTask task = decode(record);
        try (TraceContext.Scope ignored = TraceContext.continueFrom(
                        task.envelope().metadata().traceId(),
                        task.envelope().metadata().spanId())
                .openScope()) {
            if (processed.isProcessed(task.envelope().messageId(), consumerName)) {
                log.debug(
                        "Task {} message {} already handled; skipping redelivery",
                        task.taskId(),
                        task.envelope().messageId());
                return;
            }
            if (isExpired(task)) {
                finish(
                        task,
                        ReportedTaskStatus.EXPIRED,
                        null,
                        "expired before it could run (expires_at " + task.expiresAt() + ")");
                count(task, "expired");
                return;
            }
            AgentTaskHandler handler = handlers.get(task.taskType());
            if (handler == null) {
                finish(
                        task,
                        ReportedTaskStatus.FAILED,
                        null,
                        "this agent has no handler for task type '" + task.taskType() + "'");
                count(task, "unsupported");
                return;
            }
            gate.enter(band);
            try {
                run(task, handler);
            } finally {
                gate.exit(band);
            }
        }
    }

    private void run(AgentTask task, AgentTaskHandler handler) throws Exception {
        if (task.attempt() == 1) {
            events.progress(task, ReportedTaskStatus.ASSIGNED, 0);
        }
        events.progress(task, ReportedTaskStatus.RUNNING, 0);
        Timer.Sample sample = Timer.start(meters);
        try {
            transactions.executeWithoutResult(status -> {
                if (!processed.claim(task.envelope().messageId(), consumerName)) {
                    return; // a concurrent delivery won the claim
                }
                JsonNode output = invoke(handler, task);
                events.terminal(task, ReportedTaskStatus.COMPLETED, output, null);
            });
            count(task, "completed");
        } catch (HandlerFailure failure) {
            count(task, "failed_attempt");
            throw failure.cause();
        } finally {
            sample.stop(Timer.builder("agent.task.duration")
                    .tag("task_type", task.taskType())
                    .register(meters));
        }
    }

    private JsonNode invoke(AgentTaskHandler handler, AgentTask task) {
        try {
            return handler.handle(task, percent -> events.progress(task, ReportedTaskStatus.RUNNING, clamp(percent)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailure(e);
        }
    }

    /** Records a terminal state that needs no handler run. */
    void finish(AgentTask task, ReportedTaskStatus status, JsonNode output, String error) {
        transactions.executeWithoutResult(txStatus -> {
            if (processed.claim(task.envelope().messageId(), consumerName)) {
                events.terminal(task, status, output, error);
            }
        });
    }

    AgentTask decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new MalformedEnvelopeException("empty task record", null);
        }
        MessageEnvelope envelope = codec.decode(record.value());
        TaskDispatch dispatch = envelope.payload().context() == null
                ? null
                : codec.fromTree(envelope.payload().context(), TaskDispatch.class);
        if (dispatch == null || dispatch.taskId() == null) {
            throw new MalformedEnvelopeException("task envelope has no payload.context.task_id", null);
        }
        Instant expiresAt = earliest(dispatch.expiresAt(), envelope.expiresAt());
        return new AgentTask(
                dispatch.taskId(),
                envelope.action(),
                envelope.payload().data(),
                envelope.header().priority(),
                deliveryAttempt(record),
                envelope.header().correlationId(),
                expiresAt,
                envelope);
    }

    private boolean isExpired(AgentTask task) {
        return task.expiresAt() != null && clock.instant().isAfter(task.expiresAt());
    }

    private void count(AgentTask task, String outcome) {
        meters.counter("agent.tasks.handled", "task_type", task.taskType(), "outcome", outcome)
                .increment();
    }

    private static int deliveryAttempt(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header == null || header.value().length != Integer.BYTES
                ? 1
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }

        Exception cause() {
            return (Exception) getCause();
        }
    }
}

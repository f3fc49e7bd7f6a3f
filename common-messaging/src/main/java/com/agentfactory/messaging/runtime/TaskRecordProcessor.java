package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.DomainException;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.InvalidInputException;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.trace.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Handles one task record: decode, drop if expired, skip if already handled, read and check the input,
 * report progress, run the handler and record completion in one transaction. Invalid input and domain
 * refusals fail the task here, once. Other exceptions escape to the container's error handler, which
 * retries with backoff and then hands the record to {@link TaskFailureRecoverer}.
 */
final class TaskRecordProcessor {

    private static final Logger log = LoggerFactory.getLogger(TaskRecordProcessor.class);

    private final Map<String, HandlerBinding<?, ?>> handlers;
    private final TaskInputReader inputs;
    private final EnvelopeCodec codec;
    private final ProcessedMessages processed;
    private final TransactionTemplate transactions;
    private final AgentEventPublisher events;
    private final PriorityGate gate;
    private final String consumerName;
    private final MeterRegistry meters;
    private final Clock clock;

    TaskRecordProcessor(
            Map<String, HandlerBinding<?, ?>> handlers,
            TaskInputReader inputs,
            EnvelopeCodec codec,
            ProcessedMessages processed,
            TransactionTemplate transactions,
            AgentEventPublisher events,
            PriorityGate gate,
            String consumerName,
            MeterRegistry meters,
            Clock clock) {
        this.handlers = handlers;
        this.inputs = inputs;
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
        try (TraceContext.Scope ignored = TraceContext.joinOrContinue(
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
                expire(task, "expired before it could run (expires_at " + task.expiresAt() + ")");
                count(task, "expired");
                return;
            }
            HandlerBinding<?, ?> handler = handlers.get(task.taskType());
            if (handler == null) {
                fail(
                        task,
                        FailureKind.UNSUPPORTED_TASK_TYPE,
                        "this agent has no handler for task type '" + task.taskType() + "'",
                        List.of());
                count(task, "unsupported");
                return;
            }
            gate.enter(band);
            try {
                runChecked(task, handler);
            } finally {
                gate.exit(band);
            }
        }
    }

    /** Reads and checks the input first: invalid input fails the task once, with no retry and no dead letter. */
    private <I> void runChecked(AgentTask task, HandlerBinding<I, ?> handler) throws Exception {
        I input;
        try {
            input = handler.read(inputs, task.input());
        } catch (InvalidInputException invalid) {
            fail(task, invalid.kind(), invalid.getMessage(), invalid.errors());
            count(task, "invalid_input");
            return;
        }
        try {
            run(task, handler, input);
        } catch (DomainException refused) {
            // the handler's transaction has rolled back; the refusal is the task's final answer
            fail(task, refused.kind(), refused.getMessage(), refused.errors());
            count(task, "refused");
        } catch (TaskOutputTooLargeException tooLarge) {
            // rolled back too: a COMPLETED report that cannot be sent would leave the task RUNNING for ever
            fail(task, FailureKind.OUTPUT_TOO_LARGE, tooLarge.getMessage(), List.of());
            count(task, "output_too_large");
        }
    }

    private <I> void run(AgentTask task, HandlerBinding<I, ?> handler, I input) throws Exception {
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
                JsonNode output = invoke(handler, task, input);
                events.completed(task, output);
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

    private <I> JsonNode invoke(HandlerBinding<I, ?> handler, AgentTask task, I input) {
        TaskContext context = new TaskContext(
                task.taskId(),
                task.taskType(),
                task.priority(),
                task.attempt(),
                task.correlationId(),
                task.expiresAt(),
                task.requestedBy(),
                percent -> events.progress(task, ReportedTaskStatus.RUNNING, clamp(percent)));
        try {
            return handler.run(inputs, input, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailure(e);
        }
    }

    /** Records that the task expired before it could run. */
    private void expire(AgentTask task, String reason) {
        transactions.executeWithoutResult(txStatus -> {
            if (processed.claim(task.envelope().messageId(), consumerName)) {
                events.expired(task, reason);
            }
        });
    }

    /** Records the task as FAILED, once, with why and the fields at fault. */
    void fail(AgentTask task, FailureKind kind, String error, List<FieldErrorDetail> errors) {
        transactions.executeWithoutResult(txStatus -> {
            if (processed.claim(task.envelope().messageId(), consumerName)) {
                events.failed(task, kind, error, errors);
            }
        });
    }

    /**
     * Reports FAILED, once, the task of a record that could not be read, when its key names the task (the supervisor
     * keys each task message by its task id); returns the task id when the key does. Its claim is on where the record
     * lies, as the message id inside it may be what could not be read: a redelivery finds it and reports nothing more.
     */
    Optional<UUID> failUnreadable(ConsumerRecord<String, String> record, String error) {
        Optional<UUID> taskId = taskIdOf(record.key());
        taskId.ifPresent(id -> {
            UUID claim = UUID.nameUUIDFromBytes(
                    ("unreadable task record " + record.topic() + "/" + record.partition() + "@" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
            transactions.executeWithoutResult(txStatus -> {
                if (processed.claim(claim, consumerName)) {
                    events.unreadable(id, deliveryAttempt(record), error);
                }
            });
        });
        return taskId;
    }

    private static Optional<UUID> taskIdOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(key);
            // fromString also takes shortened forms ("1-2-3-4-5"), which no task id is written as
            return id.toString().equalsIgnoreCase(key) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
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
                dispatch.requestedBy(),
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

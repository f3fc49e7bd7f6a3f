package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reports task states on agent.events. Terminal states go through the outbox inside the handling
 * transaction, so they are never lost; ASSIGNED, RUNNING and heartbeats are progress signals sent
 * straight to Kafka, where a lost one only delays what the supervisor shows.
 */
final class AgentEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(AgentEventPublisher.class);

    static final String TRUNCATED = "… (truncated)";

    /** Kept free for the note on how many field errors a cut report still lists. */
    private static final int NOTE_ROOM_BYTES = 128;

    /** A field error's message is cut to no less than this, or left out with the rest. */
    private static final int MIN_KEPT_MESSAGE_BYTES = 64;

    private final KafkaTemplate<String, String> kafka;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final String agentId;
    private final String agentType;
    private final String instanceId;
    private final MessageSizeLimit sizeLimit;
    private final Clock clock;

    AgentEventPublisher(
            KafkaTemplate<String, String> kafka,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            String agentId,
            String agentType,
            String instanceId,
            MessageSizeLimit sizeLimit,
            Clock clock) {
        this.kafka = kafka;
        this.sizeLimit = sizeLimit;
        this.clock = clock;
        this.outbox = outbox;
        this.codec = codec;
        this.agentId = agentId;
        this.agentType = agentType;
        this.instanceId = instanceId;
    }

    void progress(AgentTask task, ReportedTaskStatus status, Integer percent) {
        MessageEnvelope envelope = envelope(task, status, percent, null, null, null, null);
        send(task.taskId().toString(), envelope);
    }

    // terminal states: each must run inside the transaction that claims the task message

    /** Refuses (throws) an output whose report could never leave the outbox, before it is written there. */
    void completed(AgentTask task, JsonNode output) {
        MessageEnvelope envelope = envelope(task, ReportedTaskStatus.COMPLETED, 100, output, null, null, null);
        String encoded = codec.encode(envelope);
        if (!sizeLimit.fits(encoded)) {
            throw new TaskOutputTooLargeException(MessageSizeLimit.sizeOf(encoded), sizeLimit.maxEnvelopeBytes());
        }
        terminal(task, envelope);
    }

    /**
     * Cuts an error text or a list of field errors too large for one message down to what fits, saying so in the text:
     * a FAILED report the producer refuses would be dead-lettered by the outbox relay, and the task never finished.
     */
    void failed(AgentTask task, FailureKind kind, String error, List<FieldErrorDetail> errors) {
        MessageEnvelope whole = envelope(task, ReportedTaskStatus.FAILED, null, null, error, kind, errors);
        terminal(task, sizeLimit.fits(codec.encode(whole)) ? whole : fitted(task, kind, error, errors));
    }

    /**
     * Reports FAILED a task whose message this agent could not read, known only by the task id its record was keyed
     * by. The failure is not an answer about the request, so the supervisor hands the task to a person.
     */
    void unreadable(UUID taskId, int attempt, String error) {
        var task = new AgentTask(taskId, null, null, Priority.DEFAULT, attempt, null, null, null, null);
        failed(task, FailureKind.RETRIES_EXHAUSTED, error, List.of());
    }

    private MessageEnvelope fitted(AgentTask task, FailureKind kind, String error, List<FieldErrorDetail> errors) {
        String text = error == null ? "" : error;
        List<FieldErrorDetail> all = errors == null ? List.of() : errors;
        // the report is the bare one with the text and the list in place of "" and []: their sizes add up exactly
        int bare = MessageSizeLimit.sizeOf(
                codec.encode(envelope(task, ReportedTaskStatus.FAILED, null, null, "", kind, List.of())));
        int room = Math.max(0, sizeLimit.maxEnvelopeBytes() - bare - NOTE_ROOM_BYTES);
        int textBytes = jsonBytes(text) - 2;
        int listBytes = jsonBytes(all) - 2;
        // half the room each, and what one needs less than its half of is left to the other
        int textRoom = listBytes <= room / 2 ? room - listBytes : Math.min(textBytes, room / 2);
        String keptText = truncated(text, textRoom);
        List<FieldErrorDetail> keptErrors = leading(all, room - (jsonBytes(keptText) - 2));
        String note = keptErrors.equals(all)
                ? ""
                : " (" + keptErrors.size() + " of " + all.size() + " field errors kept"
                        + (keptErrors.isEmpty() || keptErrors.getLast().equals(all.get(keptErrors.size() - 1))
                                ? ""
                                : ", the last of them truncated")
                        + ")";
        log.warn(
                "Task {} failure report cut to fit one message: error of {} bytes, {} field error(s)",
                task.taskId(),
                textBytes,
                all.size());
        return envelope(task, ReportedTaskStatus.FAILED, null, null, keptText + note, kind, keptErrors);
    }

    /** The field errors from the first that fit in {@code room} bytes of JSON (the brackets aside). */
    private List<FieldErrorDetail> leading(List<FieldErrorDetail> errors, int room) {
        List<FieldErrorDetail> kept = new ArrayList<>();
        int used = 0;
        for (FieldErrorDetail detail : errors) {
            int separator = kept.isEmpty() ? 0 : 1;
            int size = jsonBytes(detail) + separator;
            if (used + size <= room) {
                kept.add(detail);
                used += size;
                continue;
            }
            // one message too long to fit whole keeps its start when there is room for it
            int messageRoom = room - used - separator - jsonBytes(new FieldErrorDetail(detail.field(), ""));
            if (detail.message() != null && messageRoom >= MIN_KEPT_MESSAGE_BYTES) {
                kept.add(new FieldErrorDetail(detail.field(), truncated(detail.message(), messageRoom)));
            }
            break;
        }
        return kept;
    }

    /** The longest start of {@code text} that, marked as truncated, takes at most {@code room} bytes as JSON. */
    private String truncated(String text, int room) {
        if (jsonBytes(text) - 2 <= room) {
            return text;
        }
        if (jsonBytes(TRUNCATED) - 2 > room) {
            return "";
        }
        int fits = 0;
        int tooLong = text.length();
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (jsonBytes(text.substring(0, middle) + TRUNCATED) - 2 <= room) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        if (fits > 0 && Character.isHighSurrogate(text.charAt(fits - 1))) {
            fits--; // never half a character
        }
        return text.substring(0, fits) + TRUNCATED;
    }

    private int jsonBytes(Object value) {
        return MessageSizeLimit.sizeOf(codec.mapper().writeValueAsString(value));
    }

    void expired(AgentTask task, String reason) {
        terminal(task, envelope(task, ReportedTaskStatus.EXPIRED, null, null, reason, null, null));
    }

    private void terminal(AgentTask task, MessageEnvelope envelope) {
        outbox.append(Topics.AGENT_EVENTS, task.taskId().toString(), envelope);
    }

    /** The agent's task types, kept on the compacted capabilities topic; the future completes once the broker has it. */
    CompletableFuture<?> announce(AgentCapabilities capabilities) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(AgentCapabilities.ACTION)
                .data(codec.toTree(capabilities))
                .build();
        return kafka.send(Topics.AGENT_CAPABILITIES, agentType, codec.encode(envelope));
    }

    void heartbeat(AgentHeartbeat heartbeat) {
        MessageEnvelope envelope = MessageEnvelope.builder()
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(AgentHeartbeat.ACTION)
                .data(codec.toTree(heartbeat))
                .build();
        send(agentId, envelope);
    }

    private MessageEnvelope envelope(
            AgentTask task,
            ReportedTaskStatus status,
            Integer percent,
            JsonNode output,
            String error,
            FailureKind failure,
            List<FieldErrorDetail> errors) {
        TaskStatusChanged change = new TaskStatusChanged(
                task.taskId(),
                task.taskType(),
                status,
                agentId,
                agentType,
                instanceId,
                percent,
                output,
                error,
                task.attempt(),
                clock.instant(),
                failure,
                errors == null ? List.of() : errors,
                // every report names the dispatch it is about, so a late one of an earlier dispatch is told apart
                task.envelope() == null ? null : task.envelope().messageId());
        return MessageEnvelope.builder()
                .correlationId(task.correlationId())
                .priority(task.priority())
                .sender(agentId, agentType)
                .recipient(null, "supervisor")
                .action(status.action())
                .data(codec.toTree(change))
                .trace(TraceContext.currentOrNew())
                .build();
    }

    private void send(String key, MessageEnvelope envelope) {
        var record = new ProducerRecord<>(Topics.AGENT_EVENTS, key, codec.encode(envelope));
        record.headers()
                .add(
                        TraceContext.TRACEPARENT_HEADER,
                        new TraceContext(
                                        envelope.metadata().traceId(),
                                        envelope.metadata().spanId())
                                .traceparent()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kafka.send(record).whenComplete((result, failure) -> {
            if (failure != null) {
                log.debug("Progress signal {} not delivered: {}", envelope.action(), failure.getMessage());
            }
        });
    }
}

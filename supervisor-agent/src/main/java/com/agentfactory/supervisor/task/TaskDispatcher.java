package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.outbox.OutboxWriter.OutboxMessage;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns a queued task into the envelope its agent consumes, on the agent's topic for the task's priority band. A task
 * whose envelope is larger than one Kafka record can carry is refused here, while its caller can still be told:
 * stored, it would stay QUEUED for ever while the relay parked its dispatch.
 */
@Component
class TaskDispatcher {

    static final String SUPERVISOR_TYPE = "supervisor";
    private static final String SUPERVISOR_ID =
            AgentIds.forType(SUPERVISOR_TYPE).toString();

    private final EnvelopeCodec codec;
    private final MessageSizeLimit sizeLimit;

    TaskDispatcher(EnvelopeCodec codec, MessageSizeLimit sizeLimit) {
        this.codec = codec;
        this.sizeLimit = sizeLimit;
    }

    /**
     * The task's dispatch, with the task's dispatch id as its message id, which the agent names in every report on it;
     * refused (a RuleViolationException on input_data) when it is too large to send.
     */
    OutboxMessage dispatch(Task task, int retryCount, Instant now) {
        Objects.requireNonNull(task.dispatchId(), "a task is dispatched under its dispatch id");
        long ttl = task.expiresAt() == null
                ? 0
                : Math.max(1, Duration.between(now, task.expiresAt()).toMillis());
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(task.dispatchId())
                .correlationId(task.correlationId())
                .timestamp(now)
                .priority(task.priority())
                .ttlMs(ttl)
                .sender(SUPERVISOR_ID, SUPERVISOR_TYPE)
                .recipient(
                        task.assignedAgentId() == null
                                ? null
                                : task.assignedAgentId().toString(),
                        task.assignedAgentType())
                .action(task.taskType())
                .data(task.inputData())
                .context(codec.toTree(new TaskDispatch(task.id(), task.expiresAt(), task.requestedBy())))
                .trace(
                        task.traceId() == null
                                ? TraceContext.currentOrNew()
                                : TraceContext.continueFrom(task.traceId(), null))
                .retryCount(retryCount)
                .build();
        requireSendable(envelope);
        String topic = Topics.agentTasks(task.assignedAgentType(), Priority.bandOf(task.priority()));
        return new OutboxMessage(topic, task.id().toString(), envelope);
    }

    private void requireSendable(MessageEnvelope envelope) {
        String encoded = codec.encode(envelope);
        if (!sizeLimit.fits(encoded)) {
            throw RuleViolationException.of(
                    "input_data",
                    "is too large to send to an agent: the task would be " + MessageSizeLimit.sizeOf(encoded)
                            + " bytes, and one task message carries at most " + sizeLimit.maxEnvelopeBytes());
        }
    }
}

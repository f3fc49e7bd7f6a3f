package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.outbox.OutboxWriter.OutboxMessage;
import com.agentfactory.messaging.runtime.AgentIds;
import com.agentfactory.messaging.runtime.TaskDispatch;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.TraceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Turns a queued task into the envelope its agent consumes, on the agent's topic for the task's priority band. */
@Component
class TaskDispatcher {

    static final String SUPERVISOR_TYPE = "supervisor";
    private static final String SUPERVISOR_ID =
            AgentIds.forType(SUPERVISOR_TYPE).toString();

    private final EnvelopeCodec codec;

    TaskDispatcher(EnvelopeCodec codec) {
        this.codec = codec;
    }

    OutboxMessage dispatch(Task task, int retryCount, Instant now) {
        long ttl = task.expiresAt() == null
                ? 0
                : Math.max(1, Duration.between(now, task.expiresAt()).toMillis());
        MessageEnvelope envelope = MessageEnvelope.builder()
                .messageId(UUID.randomUUID())
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
        String topic = Topics.agentTasks(task.assignedAgentType(), Priority.bandOf(task.priority()));
        return new OutboxMessage(topic, task.id().toString(), envelope);
    }
}

package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.error.FailureKind;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Called once retries are exhausted (or at once for a poison message): reports the task FAILED, with
 * the last error, so the supervisor can escalate it, then parks the record on the dead-letter topic.
 */
final class TaskFailureRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(TaskFailureRecoverer.class);

    private final TaskRecordProcessor processor;
    private final DeadLetterPublishingRecoverer deadLetters;

    TaskFailureRecoverer(TaskRecordProcessor processor, DeadLetterPublishingRecoverer deadLetters) {
        this.processor = processor;
        this.deadLetters = deadLetters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = rootCause(exception);
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> taskRecord = (ConsumerRecord<String, String>) record;
        if (!(cause instanceof MalformedEnvelopeException)) {
            AgentTask task = processor.decode(taskRecord);
            processor.fail(task, FailureKind.RETRIES_EXHAUSTED, describe(cause), List.of());
            log.warn(
                    "Task {} ({}) failed after {} attempt(s): {}",
                    task.taskId(),
                    task.taskType(),
                    task.attempt(),
                    describe(cause));
        } else {
            log.warn("Poison message on {} at offset {}: {}", record.topic(), record.offset(), cause.getMessage());
        }
        deadLetters.accept(record, exception);
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable current = throwable;
        while (current.getCause() != null && current.getCause() != current) {
            if (current instanceof MalformedEnvelopeException) {
                return current;
            }
            current = current.getCause();
        }
        return current;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

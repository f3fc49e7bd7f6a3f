package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.UnsupportedEnvelopeVersionException;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.topic.Topics;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Called once retries are exhausted (or at once for a poison message): reports the task FAILED, with
 * the last error, so the supervisor can escalate it, then parks the record on the dead-letter topic. A poison
 * message is reported too when its key names the task, so the task does not wait for an answer that never comes.
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
            String deadLetterTopic = Topics.deadLetter(record.topic());
            Optional<UUID> taskId = processor.failUnreadable(
                    taskRecord,
                    "the task message could not be read: " + unreadable(cause) + "; it is parked on "
                            + deadLetterTopic);
            log.warn(
                    "Poison message on {} partition {} at offset {} ({}): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    taskId.map(id -> "task " + id + " reported failed").orElse("its key names no task"),
                    // the parser's own message may quote the payload, a customer's data: the record itself stays on
                    // the dead-letter topic for whoever needs to see it
                    unreadable(cause));
        }
        deadLetters.accept(record, exception);
    }

    /**
     * Why the message could not be read, in words that quote none of it: the report is kept with the task and shown
     * to staff, and the payload may be a customer's data.
     */
    private static String unreadable(Throwable cause) {
        if (cause instanceof UnsupportedEnvelopeVersionException unsupported) {
            return "its envelope version " + unsupported.version() + " is not one this agent reads (1 to "
                    + MessageEnvelope.CURRENT_VERSION + ")";
        }
        return "it is not a task envelope this agent reads";
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

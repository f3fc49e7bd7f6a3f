package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.error.DomainException;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The platform's one way of failing a Kafka record: retries in process with exponential backoff, then
 * the record is parked on its topic's dead-letter topic ({@code <topic>.dlt}); a poison message (an
 * unreadable envelope) or a {@link DomainException} goes there at once. The agent runtime uses
 * it for task topics, services for their own {@code @KafkaListener}s.
 */
public final class DeadLetterErrorHandlers {

    private DeadLetterErrorHandlers() {}

    /** Publishes a failed record, headers and all, to {@code <topic>.dlt}; the broker picks the partition. */
    public static DeadLetterPublishingRecoverer publisher(KafkaOperations<?, ?> kafka) {
        return new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    /** Retries as {@code retry} says, then hands the record to {@code recoverer}. */
    public static DefaultErrorHandler create(ConsumerRecordRecoverer recoverer, AgentRuntimeProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class, DomainException.class);
        return handler;
    }

    /** Retries, then dead-letters: for a listener that needs nothing else done with a failed record. */
    public static DefaultErrorHandler create(KafkaOperations<?, ?> kafka, AgentRuntimeProperties.Retry retry) {
        return create(publisher(kafka), retry);
    }
}

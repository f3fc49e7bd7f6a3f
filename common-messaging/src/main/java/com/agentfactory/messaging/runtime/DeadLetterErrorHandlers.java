package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.error.DomainException;
import com.agentfactory.messaging.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The platform's one way of failing a Kafka record: retries in process with exponential backoff, then
 * the record is parked on its topic's dead-letter topic ({@code <topic>.dlt}); a poison message (an
 * unreadable envelope) or a {@link DomainException} goes there at once. A failure of the infrastructure
 * (the database restarting, no connection to be had) says nothing about the record: it is retried with
 * the same backoff, capped, for as long as it lasts, and never dead-lettered (see {@link TransientFailures}).
 * The agent runtime uses it for task topics, services for their own {@code @KafkaListener}s.
 */
public final class DeadLetterErrorHandlers {

    private DeadLetterErrorHandlers() {}

    /** Publishes a failed record, headers and all, to {@code <topic>.dlt}; the broker picks the partition. */
    public static DeadLetterPublishingRecoverer publisher(KafkaOperations<?, ?> kafka) {
        return new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    /**
     * The longest wait between two attempts at a transiently failing record. A record listener waits without polling,
     * so this stays far below the consumer's max.poll.interval.ms (5 minutes unless a service sets it lower).
     */
    static final Duration LONGEST_TRANSIENT_WAIT = Duration.ofSeconds(30);

    /** Retries as {@code retry} says, then hands the record to {@code recoverer}; transient failures without end. */
    public static DefaultErrorHandler create(ConsumerRecordRecoverer recoverer, AgentRuntimeProperties.Retry retry) {
        return create(recoverer, retry, Metrics.globalRegistry);
    }

    /** As {@link #create(ConsumerRecordRecoverer, AgentRuntimeProperties.Retry)}, counting each transient retry. */
    public static DefaultErrorHandler create(
            ConsumerRecordRecoverer recoverer, AgentRuntimeProperties.Retry retry, MeterRegistry meters) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new TransientRetryingErrorHandler(recoverer, backOff, transientBackOff(retry), meters);
        handler.addNotRetryableExceptions(MalformedEnvelopeException.class, DomainException.class);
        return handler;
    }

    /** Retries, then dead-letters: for a listener that needs nothing else done with a failed record. */
    public static DefaultErrorHandler create(KafkaOperations<?, ?> kafka, AgentRuntimeProperties.Retry retry) {
        return create(publisher(kafka), retry);
    }

    /** As {@link #create(KafkaOperations, AgentRuntimeProperties.Retry)}, counting each transient retry. */
    public static DefaultErrorHandler create(
            KafkaOperations<?, ?> kafka, AgentRuntimeProperties.Retry retry, MeterRegistry meters) {
        return create(publisher(kafka), retry, meters);
    }

    /** The same curve as the ordinary retries, without a last attempt and capped so the consumer keeps polling. */
    static BackOff transientBackOff(AgentRuntimeProperties.Retry retry) {
        var backOff = new ExponentialBackOff(
                Math.max(1, retry.initialInterval().toMillis()), Math.max(1.0, retry.multiplier()));
        backOff.setMaxInterval(Math.min(
                Math.max(retry.maxInterval().toMillis(), retry.initialInterval().toMillis()),
                LONGEST_TRANSIENT_WAIT.toMillis()));
        return backOff;
    }
}

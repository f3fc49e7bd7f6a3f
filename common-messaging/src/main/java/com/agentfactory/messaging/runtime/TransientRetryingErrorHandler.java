package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.runtime.TransientFailures.TransientFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The platform's error handler: a record (or a batch) that failed because the infrastructure is away is retried with a
 * capped backoff for as long as the failure lasts, never dead-lettered for it; any other failure is retried a few
 * times and then recovered (dead-lettered) as {@link DefaultErrorHandler} does.
 *
 * <p>A record listener's record is sought back and polled again after each wait, so the consumer polls at least once
 * per capped interval. A batch listener's batch is retried here rather than by Spring Kafka's batch fallback, whose one
 * backoff is the same for every failure and ends in dead-lettering the whole poll: the consumer's partitions are
 * paused and the consumer keeps polling while it waits, so it stays in its group however long the outage.
 */
final class TransientRetryingErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(TransientRetryingErrorHandler.class);

    private final BackOff transientBackOff;
    private final MeterRegistry meters;

    TransientRetryingErrorHandler(
            ConsumerRecordRecoverer recoverer, BackOff backOff, BackOff transientBackOff, MeterRegistry meters) {
        super(recoverer, backOff);
        this.transientBackOff = transientBackOff;
        this.meters = meters;
        // Spring Kafka asks with the failure's root cause; a transient one arrives as the causeless TransientFailure
        setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? this.transientBackOff : null);
    }

    @Override
    public void handleRemaining(
            Exception thrown,
            List<ConsumerRecord<?, ?>> records,
            Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        super.handleRemaining(
                carried(thrown, records.isEmpty() ? null : records.getFirst()), records, consumer, container);
    }

    @Override
    public boolean handleOne(
            Exception thrown,
            ConsumerRecord<?, ?> record,
            Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        return super.handleOne(carried(thrown, record), record, consumer, container);
    }

    @Override
    public void handleBatch(
            Exception thrown,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        Exception lasting = retryWhileTransient(thrown, data, consumer, container, invokeListener);
        if (lasting != null) {
            super.handleBatch(lasting, data, consumer, container, invokeListener);
        }
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(
            Exception thrown,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        Exception lasting = retryWhileTransient(thrown, data, consumer, container, invokeListener);
        return lasting == null
                ? ConsumerRecords.empty()
                : super.handleBatchAndReturnRemaining(lasting, data, consumer, container, invokeListener);
    }

    /** A transient failure travels on as a TransientFailure (see there why); any other as it is. */
    private Exception carried(Exception thrown, ConsumerRecord<?, ?> record) {
        if (!TransientFailures.isTransient(thrown)) {
            return thrown;
        }
        if (record != null) {
            retrying(record.topic(), "record " + record.partition() + "@" + record.offset(), thrown);
        }
        return new TransientFailure(thrown);
    }

    /**
     * Runs the batch again, partitions paused, until it passes (null) or fails for another reason (that failure). A
     * batch whose listener named the record at fault is left to the usual handling: that record alone is the problem.
     */
    private Exception retryWhileTransient(
            Exception thrown,
            ConsumerRecords<?, ?> data,
            Consumer<?, ?> consumer,
            MessageListenerContainer container,
            Runnable invokeListener) {
        if (data == null || data.isEmpty() || namesAFailedRecord(thrown) || !TransientFailures.isTransient(thrown)) {
            return thrown;
        }
        String topic = data.iterator().next().topic();
        Set<TopicPartition> pausedHere = new HashSet<>(consumer.assignment());
        pausedHere.removeAll(consumer.paused());
        consumer.pause(pausedHere);
        try {
            BackOffExecution backOff = transientBackOff.start();
            Exception failure = thrown;
            while (TransientFailures.isTransient(failure) && !namesAFailedRecord(failure)) {
                long wait = backOff.nextBackOff();
                if (wait == BackOffExecution.STOP) {
                    return failure;
                }
                retrying(topic, data.count() + " records", failure);
                try {
                    ListenerUtils.conditionalSleepWithPoll(
                            () -> container.isRunning() && !container.isPauseRequested(), wait, consumer);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    seekBack(data, consumer);
                    throw new KafkaException("interrupted while retrying a batch after a transient failure", failure);
                }
                if (!container.isRunning() || container.isPauseRequested()) {
                    // not committed: the batch is delivered again when the container runs
                    seekBack(data, consumer);
                    throw new KafkaException("stopped while retrying a batch after a transient failure", failure);
                }
                try {
                    invokeListener.run();
                    return null;
                } catch (Exception next) {
                    failure = next;
                }
            }
            return failure;
        } finally {
            consumer.resume(pausedHere);
        }
    }

    private void retrying(String topic, String what, Exception failure) {
        meters.counter("kafka.listener.transient.retries", "topic", topic).increment();
        log.warn(
                "Retrying {} of {} after a transient failure: {}",
                what,
                topic,
                TransientFailure.describe(TransientFailures.transientCause(failure)));
    }

    private static void seekBack(ConsumerRecords<?, ?> data, Consumer<?, ?> consumer) {
        for (TopicPartition partition : data.partitions()) {
            consumer.seek(partition, data.records(partition).getFirst().offset());
        }
    }

    private static boolean namesAFailedRecord(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof BatchListenerFailedException) {
                return true;
            }
        }
        return false;
    }
}

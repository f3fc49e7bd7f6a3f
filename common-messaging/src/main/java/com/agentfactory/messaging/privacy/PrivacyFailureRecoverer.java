package com.agentfactory.messaging.privacy;

import com.agentfactory.messaging.envelope.MalformedEnvelopeException;
import com.agentfactory.messaging.topic.Topics;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Called once a privacy request's retries are exhausted (or at once when it cannot be retried): reports the request
 * failed for this service, in a transaction of its own, then parks the record on the dead-letter topic. Without the
 * report the coordinator would wait for this service for good.
 */
final class PrivacyFailureRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(PrivacyFailureRecoverer.class);

    private final Supplier<PrivacyRequestListener> listener;
    private final ConsumerRecordRecoverer deadLetters;

    PrivacyFailureRecoverer(Supplier<PrivacyRequestListener> listener, ConsumerRecordRecoverer deadLetters) {
        this.listener = listener;
        this.deadLetters = deadLetters;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        if (malformed(exception)) {
            // the exception's message may quote the record, which carries a customer's id: where it lies is enough
            log.warn(
                    "Unreadable privacy request on {} partition {} at offset {}: parked without a report",
                    record.topic(),
                    record.partition(),
                    record.offset());
        } else {
            String cause = holderFailure(exception).getClass().getSimpleName();
            listener.get()
                    .reportFailure(
                            (ConsumerRecord<String, String>) record,
                            request -> failure(request, cause, Topics.deadLetter(record.topic())))
                    .ifPresent(request -> log.warn(
                            "Privacy request {} ({}) failed here ({}): reported as failed and parked",
                            request.requestId(),
                            request.action(),
                            cause));
        }
        deadLetters.accept(record, exception);
    }

    /**
     * Names the failure by its type alone: a holder's exception message may quote the customer's data (a database
     * error shows the values of the row), and the report is kept by the coordinator and shown to staff.
     */
    private static String failure(PrivacyRequested request, String cause, String deadLetterTopic) {
        return "the " + request.action().name().toLowerCase(Locale.ROOT) + " could not be done (" + cause
                + "); the request is parked on " + deadLetterTopic;
    }

    /** What the listener threw, without the container's wrapping around it. */
    private static Throwable holderFailure(Exception exception) {
        Throwable current = exception;
        while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean malformed(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof MalformedEnvelopeException) {
                return true;
            }
        }
        return false;
    }
}

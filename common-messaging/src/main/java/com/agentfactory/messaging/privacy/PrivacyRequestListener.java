package com.agentfactory.messaging.privacy;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.envelope.Received;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * A service's side of a privacy request: runs the export or erasure over every {@link PersonalDataHolder} the
 * service has and appends its {@link PrivacyReported} to the outbox, all in one transaction, once per request. A
 * holder that throws rolls the whole service's part back; the platform's listener policy retries it, and once the
 * retries run out this service reports the request failed and parks it on privacy.requests.dlt (see
 * {@link #failureReporter}), so the coordinator's request fails rather than waits for an answer that never comes.
 */
public class PrivacyRequestListener {

    /** The listener container factory whose error handler reports exhausted requests as failed. */
    public static final String CONTAINER_FACTORY = "privacyListenerContainerFactory";

    /**
     * A report travels as one Kafka message (1 MB by default, for the envelope as a whole); a bigger export is
     * reported as a failure rather than left in the outbox where the relay could never send it.
     */
    static final int MAX_EXPORT_BYTES = 900_000;

    private final List<PersonalDataHolder> holders;
    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final OutboxWriter outbox;
    private final String participant;
    private final Clock clock;

    public PrivacyRequestListener(
            List<PersonalDataHolder> holders,
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            OutboxWriter outbox,
            String participant,
            Clock clock) {
        this.holders = List.copyOf(holders);
        this.codec = codec;
        this.idempotent = idempotent;
        this.outbox = outbox;
        this.participant = participant;
        this.clock = clock;
    }

    @KafkaListener(
            topics = Topics.PRIVACY_REQUESTS,
            groupId = "${spring.application.name}-privacy",
            containerFactory = CONTAINER_FACTORY)
    public void onPrivacyRequested(ConsumerRecord<String, String> record) {
        codec.read(record.value(), PrivacyRequested.ACTION, PrivacyRequested.class)
                .ifPresent(request ->
                        idempotent.runOnce(request.messageId(), consumer(), () -> report(answer(request.payload()))));
    }

    /**
     * What to do with a request the error handler gives up on: report it failed here, then hand it to
     * {@code deadLetters} as before. An unreadable request names no request to answer and is only handed on. The
     * listener is looked up when a request fails: its container factory is built while the listener is.
     */
    public static ConsumerRecordRecoverer failureReporter(
            Supplier<PrivacyRequestListener> listener, ConsumerRecordRecoverer deadLetters) {
        return new PrivacyFailureRecoverer(listener, deadLetters);
    }

    /**
     * Reports the request failed, claiming it as the successful answer would: one report per request and service,
     * so a redelivery after this cannot run the holders again and send a second, contradicting report.
     *
     * @return the request answered this way, or empty when it had been answered before or is no privacy request
     */
    Optional<PrivacyRequested> reportFailure(
            ConsumerRecord<String, String> record, Function<PrivacyRequested, String> failure) {
        Optional<Received<PrivacyRequested>> received =
                codec.read(record.value(), PrivacyRequested.ACTION, PrivacyRequested.class);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        PrivacyRequested request = received.get().payload();
        boolean reported = idempotent.runOnce(
                received.get().messageId(),
                consumer(),
                () -> report(new PrivacyReported(
                        request.requestId(),
                        participant,
                        request.action(),
                        0,
                        null,
                        failure.apply(request),
                        clock.instant())));
        return reported ? Optional.of(request) : Optional.empty();
    }

    PrivacyReported answer(PrivacyRequested request) {
        return switch (request.action()) {
            case EXPORT -> exported(request);
            case ERASURE -> {
                long erased = holders.stream()
                        .mapToLong(holder -> holder.erase(request.customerId()))
                        .sum();
                yield new PrivacyReported(
                        request.requestId(), participant, request.action(), erased, null, null, clock.instant());
            }
        };
    }

    /** The idempotency key's consumer: the same for the answer and the failure report, so only one of them is sent. */
    private String consumer() {
        return participant + "-privacy";
    }

    private PrivacyReported exported(PrivacyRequested request) {
        PersonalData data = holders.stream()
                .map(holder -> holder.export(request.customerId()))
                .reduce(PersonalData.none(), PersonalData::and);
        var tree = codec.toTree(data.records());
        int size = codec.mapper().writeValueAsString(tree).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EXPORT_BYTES) {
            return new PrivacyReported(
                    request.requestId(),
                    participant,
                    request.action(),
                    data.count(),
                    null,
                    "the export is " + size + " bytes, more than one report can carry (" + MAX_EXPORT_BYTES + ")",
                    clock.instant());
        }
        return new PrivacyReported(
                request.requestId(), participant, request.action(), data.count(), tree, null, clock.instant());
    }

    private void report(PrivacyReported report) {
        outbox.append(
                Topics.PRIVACY_REPORTS,
                report.requestId().toString(),
                MessageEnvelope.builder()
                        .messageId(UUID.randomUUID())
                        .correlationId(report.requestId())
                        .sender(null, participant)
                        .recipient(null, "supervisor")
                        .action(PrivacyReported.ACTION)
                        .data(codec.toTree(report))
                        .build());
    }
}

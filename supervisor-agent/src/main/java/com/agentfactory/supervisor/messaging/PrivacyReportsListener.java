package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.privacy.PrivacyReported;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.privacy.PrivacyService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes each service's answer to a privacy request from privacy.reports into the request, once per message; an
 * unreadable report goes to privacy.reports.dlt.
 */
@Component
class PrivacyReportsListener {

    private static final String CONSUMER = "privacy-reports";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final PrivacyService privacy;

    PrivacyReportsListener(EnvelopeCodec codec, IdempotentConsumer idempotent, PrivacyService privacy) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.privacy = privacy;
    }

    @KafkaListener(topics = Topics.PRIVACY_REPORTS, groupId = "supervisor-privacy-reports")
    void onReport(ConsumerRecord<String, String> record) {
        codec.read(record.value(), PrivacyReported.ACTION, PrivacyReported.class)
                .ifPresent(report ->
                        idempotent.runOnce(report.messageId(), CONSUMER, () -> privacy.record(report.payload())));
    }
}

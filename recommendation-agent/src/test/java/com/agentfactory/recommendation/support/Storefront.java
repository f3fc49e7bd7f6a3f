package com.agentfactory.recommendation.support;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.testing.CommerceEventPublisher;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.core.KafkaTemplate;

/** The storefront's commerce events, published onto the service's Kafka. */
@TestComponent
public class Storefront extends CommerceEventPublisher {

    Storefront(KafkaTemplate<String, String> kafka, EnvelopeCodec codec) {
        super(kafka, codec);
    }
}

package com.agentfactory.messaging.trace;

import org.springframework.core.env.Environment;

/**
 * Whether Kafka sends and receives are observed (a span each, the W3C traceparent in the record headers): on unless
 * {@code spring.kafka.template.observation-enabled} / {@code spring.kafka.listener.observation-enabled} say false,
 * where Spring Boot's own default is off, so that a trace follows every message without per-service settings.
 */
public final class KafkaObservations {

    private KafkaObservations() {}

    public static boolean templateObserved(Environment environment) {
        return enabled(environment, "template");
    }

    public static boolean listenersObserved(Environment environment) {
        return enabled(environment, "listener");
    }

    private static boolean enabled(Environment environment, String side) {
        return environment.getProperty("spring.kafka." + side + ".observation-enabled", Boolean.class, true);
    }
}

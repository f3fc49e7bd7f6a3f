package com.agentfactory.messaging.trace;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Spring Kafka 4.0 observes record listeners but times batch listeners with its older container timers, under the same
 * name {@value #LISTENER} with other tag keys ({@code name, result, exception} against the observation's
 * {@code messaging.*}). Prometheus keeps whichever registers first and drops the other (spring-kafka#3947): a service
 * with both kinds loses one kind's timings. The container timers are renamed {@value #BATCH}, so both are kept.
 */
public final class BatchListenerTimers implements MeterFilter {

    static final String LISTENER = "spring.kafka.listener";
    static final String BATCH = "spring.kafka.listener.batch";

    @Override
    public Meter.Id map(Meter.Id id) {
        // the container timer's own tag: an observation names its listener spring.kafka.listener.id instead
        if (LISTENER.equals(id.getName()) && id.getTag("name") != null) {
            return id.withName(BATCH);
        }
        return id;
    }
}

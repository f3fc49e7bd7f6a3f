package com.agentfactory.recommendation.interaction;

import java.time.Duration;
import java.time.Instant;

/** Exponential decay: a weight halves with each half-life of age; signals from the future count in full. */
final class TimeDecay {

    private TimeDecay() {}

    static double decayed(double weight, Instant occurredAt, Instant now, Duration halfLife) {
        double ageMillis = Math.max(0, Duration.between(occurredAt, now).toMillis());
        return weight * Math.pow(0.5, ageMillis / halfLife.toMillis());
    }
}

package com.agentfactory.finance.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Finance's clock, put where a test needs it and running on from there, as the real one does. */
public final class SettableClock extends Clock {

    private volatile Duration offset;

    public SettableClock(Instant now) {
        set(now);
    }

    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("finance runs on UTC");
    }
}

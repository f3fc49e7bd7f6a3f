package com.agentfactory.gateway.auth;

import java.time.Duration;

/** Sign-in refused because the account is locked after repeated failures; the password was not checked. */
public class AccountLockedException extends RuntimeException {

    private final Duration retryAfter;

    AccountLockedException(Duration retryAfter) {
        super("Too many failed sign-ins for this account. Try again later.");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, so a client that waits this long is not refused again. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds();
        return retryAfter.toNanosPart() > 0 || seconds == 0 ? seconds + 1 : seconds;
    }
}

package com.agentfactory.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Locks an account after {@code maxFailures} failed sign-ins within {@code failureWindow}; each further lockout
 * before a successful sign-in lasts twice as long as the one before, up to {@code maxLockout}.
 */
@Service
class LoginThrottle {

    private final LoginThrottleRepository repository;
    private final AuthProperties.Lockout policy;
    private final Clock clock;

    LoginThrottle(LoginThrottleRepository repository, AuthProperties properties, Clock clock) {
        this.repository = repository;
        this.policy = properties.lockout();
        this.clock = clock;
    }

    static String account(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** How long the account stays locked, or empty when it may try to sign in. */
    Optional<Duration> remainingLockout(String account) {
        Instant now = clock.instant();
        return repository.lockedUntil(account, now).map(until -> Duration.between(now, until));
    }

    /**
     * Counts a sign-in attempt before its password is checked, and says whether it may be checked: not while the
     * account is locked, nor once as many attempts as lock it are counted and still being checked.
     */
    Attempt attempt(String account) {
        Instant now = clock.instant();
        LoginThrottleRepository.Counted counted =
                repository.countAttempt(account, now, now.minus(policy.failureWindow()));
        if (counted.lockedUntil() != null && counted.lockedUntil().isAfter(now)) {
            return new Attempt(account, counted.lockouts(), Duration.between(now, counted.lockedUntil()));
        }
        if (counted.attempts() > policy.maxFailures()) {
            // the attempts ahead of this one lock the account if they fail: refused for as long as that lockout
            return new Attempt(account, counted.lockouts(), lockoutAfter(counted.lockouts()));
        }
        return new Attempt(account, counted.lockouts(), null);
    }

    /** A checked attempt failed; returns the lockout it triggered, if it did. */
    Optional<Duration> failed(Attempt attempt) {
        Instant now = clock.instant();
        // each failure also clears out rows whose window and longest lockout are long over (emails that were only
        // guessed, accounts that never came back); a quiet account thereby starts its backoff afresh
        repository.pruneQuietSince(now.minus(quietPeriod()));
        Duration lockout = lockoutAfter(attempt.lockouts());
        // the count already holds this attempt: whichever failure finds the limit reached locks, once
        return repository.lock(attempt.account(), policy.maxFailures(), now, now.plus(lockout))
                ? Optional.of(lockout)
                : Optional.empty();
    }

    void succeeded(String account) {
        repository.forget(account);
    }

    Duration quietPeriod() {
        Duration longest = policy.failureWindow().compareTo(policy.maxLockout()) > 0
                ? policy.failureWindow()
                : policy.maxLockout();
        return longest.multipliedBy(2);
    }

    Duration lockoutAfter(int earlierLockouts) {
        // doubling stops well before overflow: 2^20 minutes is already about two years
        Duration lockout = policy.lockout().multipliedBy(1L << Math.min(earlierLockouts, 20));
        return lockout.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lockout;
    }

    /**
     * @param lockouts lockouts since the last successful sign-in, when the attempt was counted
     * @param refusedFor how long the account stays locked when the attempt is refused; null when it may be checked
     */
    record Attempt(String account, int lockouts, Duration refusedFor) {

        boolean refused() {
            return refusedFor != null;
        }
    }
}

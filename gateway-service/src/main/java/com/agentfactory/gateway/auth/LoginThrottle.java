package com.agentfactory.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Sign-in throttling after OWASP's authentication guidance, so that wrong passwords typed by someone else do not lock
 * the owner out:
 *
 * <ul>
 *   <li>the main limit counts failures per account and client address: after {@code maxFailures} within
 *       {@code failureWindow} that address is locked out of the account, each further lockout before a successful
 *       sign-in twice as long as the one before, up to {@code maxLockout}; the owner signing in from elsewhere is not;
 *   <li>the account as a whole is only slowed down, for a short {@code accountSlowdown} that does not grow, once
 *       {@code accountMaxFailures} (far more) failures from any addresses fall within one window: guessing spread
 *       over many addresses is held back without handing anyone a lasting lockout of another's account.
 * </ul>
 *
 * Both are kept per e-mail as typed, whether or not such an account exists, so the answer reveals no account.
 */
@Service
class LoginThrottle {

    // a client address never holds it, and the e-mail part of a key has it replaced: no e-mail typed at the sign-in
    // can name the row of another e-mail's address
    private static final char ADDRESS_SEPARATOR = '\n';
    private static final String UNKNOWN_ADDRESS = "unknown";

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

    /** The row of the whole account: the same key as before addresses were told apart. */
    static String accountKey(String account) {
        return account.replace(ADDRESS_SEPARATOR, ' ');
    }

    /** The row of the account as signed in to from one client address. */
    static String addressKey(String account, String clientAddress) {
        return accountKey(account) + ADDRESS_SEPARATOR + (clientAddress == null ? UNKNOWN_ADDRESS : clientAddress);
    }

    /** How long sign-ins to the account from the address stay refused, or empty when they may be tried. */
    Optional<Duration> remainingLockout(String account, String clientAddress) {
        Instant now = clock.instant();
        return Stream.of(addressKey(account, clientAddress), accountKey(account))
                .flatMap(key -> repository.lockedUntil(key, now).stream())
                .max(Comparator.naturalOrder())
                .map(until -> Duration.between(now, until));
    }

    /**
     * Counts a sign-in attempt before its password is checked, and says whether it may be checked: not while the
     * address or the account is locked, nor once as many attempts as lock either are counted and still being
     * checked. An attempt refused for its address is not counted against the account, so one address cannot slow
     * the account down by going on after its own lockout; one refused while the account is slowed down is counted
     * nowhere, so the owner's tries during it do not lock the owner's own address.
     */
    Attempt attempt(String account, String clientAddress) {
        Instant now = clock.instant();
        String accountKey = accountKey(account);
        String addressKey = addressKey(account, clientAddress);
        Optional<Instant> slowedDown = repository.lockedUntil(accountKey, now);
        if (slowedDown.isPresent()) {
            return Attempt.refused(accountKey, addressKey, Duration.between(now, slowedDown.get()));
        }
        Instant windowStart = now.minus(policy.failureWindow());
        LoginThrottleRepository.Counted fromAddress = repository.countAttempt(addressKey, now, windowStart);
        if (fromAddress.lockedUntil() != null && fromAddress.lockedUntil().isAfter(now)) {
            return Attempt.refused(accountKey, addressKey, Duration.between(now, fromAddress.lockedUntil()));
        }
        if (fromAddress.attempts() > policy.maxFailures()) {
            // the attempts ahead of this one lock the address out if they fail: refused for as long as that lockout
            return Attempt.refused(accountKey, addressKey, lockoutAfter(fromAddress.lockouts()));
        }
        LoginThrottleRepository.Counted everywhere = repository.countAttempt(accountKey, now, windowStart);
        if (everywhere.lockedUntil() != null && everywhere.lockedUntil().isAfter(now)) {
            return Attempt.refused(accountKey, addressKey, Duration.between(now, everywhere.lockedUntil()));
        }
        if (everywhere.attempts() > policy.accountMaxFailures()) {
            return Attempt.refused(accountKey, addressKey, policy.accountSlowdown());
        }
        return new Attempt(accountKey, addressKey, fromAddress.lockouts(), null);
    }

    /** A checked attempt failed; returns the lockouts it triggered, if it did. */
    List<Lockout> failed(Attempt attempt) {
        Instant now = clock.instant();
        // each failure also clears out rows whose window and longest lockout are long over (emails that were only
        // guessed, accounts that never came back); a quiet account thereby starts its backoff afresh
        repository.pruneQuietSince(now.minus(quietPeriod()));
        List<Lockout> lockouts = new ArrayList<>();
        Duration lockout = lockoutAfter(attempt.lockouts());
        // the count already holds this attempt: whichever failure finds the limit reached locks, once
        if (repository.lock(attempt.addressKey(), policy.maxFailures(), now, now.plus(lockout))) {
            lockouts.add(new Lockout(lockout, false));
        }
        if (repository.lock(
                attempt.accountKey(), policy.accountMaxFailures(), now, now.plus(policy.accountSlowdown()))) {
            lockouts.add(new Lockout(policy.accountSlowdown(), true));
        }
        return lockouts;
    }

    /** The owner is in: the address's failures and the account's are forgiven; other addresses keep theirs. */
    void succeeded(String account, String clientAddress) {
        repository.forget(addressKey(account, clientAddress));
        repository.forget(accountKey(account));
    }

    Duration quietPeriod() {
        Duration longest = policy.failureWindow();
        for (Duration candidate : List.of(policy.maxLockout(), policy.accountSlowdown())) {
            longest = candidate.compareTo(longest) > 0 ? candidate : longest;
        }
        return longest.multipliedBy(2);
    }

    Duration lockoutAfter(int earlierLockouts) {
        // doubling stops well before overflow: 2^20 minutes is already about two years
        Duration lockout = policy.lockout().multipliedBy(1L << Math.min(earlierLockouts, 20));
        return lockout.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lockout;
    }

    /**
     * @param lockouts the address's lockouts since the last successful sign-in, when the attempt was counted
     * @param refusedFor how long sign-ins stay refused when the attempt is refused; null when it may be checked
     */
    record Attempt(String accountKey, String addressKey, int lockouts, Duration refusedFor) {

        static Attempt refused(String accountKey, String addressKey, Duration refusedFor) {
            return new Attempt(accountKey, addressKey, 0, refusedFor);
        }

        boolean refused() {
            return refusedFor != null;
        }
    }

    /** @param everyAddress the whole account is slowed down, not only the address the failures came from */
    record Lockout(Duration duration, boolean everyAddress) {}
}

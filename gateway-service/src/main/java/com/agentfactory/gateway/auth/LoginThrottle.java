package com.agentfactory.gateway.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Sign-in throttling after OWASP's authentication guidance, so that wrong passwords typed by someone else do not lock
 * the owner out:
 *
 * <ul>
 *   <li>the main limit counts failures per account and client address: after {@code maxFailures} within
 *       {@code failureWindow} that address is locked out of the account, each further lockout before a successful
 *       sign-in twice as long as the one before, up to {@code maxLockout}; the owner signing in from elsewhere is not;
 *   <li>the account as a whole is only slowed down, for {@code accountSlowdown}, once {@code accountMaxFailures}
 *       (far more) failures from any addresses fall within one window: guessing spread over many addresses is held
 *       back. Each further round before a successful sign-in lasts twice as long, up to {@code maxLockout}, and an
 *       address the account was signed in to from before, or a browser holding the device cookie of an earlier
 *       sign-in ({@link DeviceCookies}), is neither held back nor counted, so that guesses from ever new addresses
 *       can keep no one out who signs in from where or with what they did before. A device cookie is held to the
 *       per-address limit of its own as well: after {@code maxFailures} failures it is not honoured for a lockout's
 *       while, so a stolen one buys no more guesses than an address.
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
    private static final int IPV6_NETWORK_BYTES = 8;
    // how long an address the account was signed in from stays exempt from the account-wide slowdown without a
    // further sign-in from it: long enough to cover a holiday, short enough not to keep addresses for ever
    static final Duration SIGN_IN_MEMORY = Duration.ofDays(90);
    private static final String DEVICE = "device";

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
        return accountKey(account) + ADDRESS_SEPARATOR + throttledAddress(clientAddress);
    }

    /** The row of the account as signed in to with one device cookie. */
    static String deviceKey(String account, String device) {
        return accountKey(account) + ADDRESS_SEPARATOR + DEVICE + ADDRESS_SEPARATOR + device;
    }

    /**
     * An IPv6 address stands for its /64: a single host is commonly handed a whole /64 and could otherwise rotate
     * through more addresses than there are attempts to lock. IPv4 addresses stand for themselves.
     */
    static String throttledAddress(String clientAddress) {
        if (clientAddress == null) {
            return UNKNOWN_ADDRESS;
        }
        if (clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        try {
            InetAddress parsed = InetAddress.ofLiteral(clientAddress);
            if (!(parsed instanceof Inet6Address)) {
                // an IPv4-mapped IPv6 address is the IPv4 address it maps
                return parsed.getHostAddress();
            }
            byte[] network = Arrays.copyOf(parsed.getAddress(), IPV6_NETWORK_BYTES);
            return InetAddress.getByAddress(Arrays.copyOf(network, 16)).getHostAddress() + "/64";
        } catch (IllegalArgumentException | UnknownHostException notAnAddress) {
            return clientAddress;
        }
    }

    /**
     * Counts a sign-in attempt before its password is checked, and says whether it may be checked: not while the
     * address or the account is locked, nor once as many attempts as lock either are counted and still being
     * checked. An attempt refused for its address is not counted against the account, so one address cannot slow
     * the account down by going on after its own lockout; one refused while the account is slowed down is counted
     * nowhere, so the owner's tries during it do not lock the owner's own address.
     *
     * @param device the device id of a valid device cookie of the account ({@link DeviceCookies}); null without one
     */
    Attempt attempt(String account, String clientAddress, String device) {
        Instant now = clock.instant();
        String accountKey = accountKey(account);
        String addressKey = addressKey(account, clientAddress);
        Instant windowStart = now.minus(policy.failureWindow());
        // the owner's own device: honoured until its own failures reach the limit, each attempt counted before its
        // password is checked, as an address's is
        String deviceKey = null;
        int deviceLockouts = 0;
        if (device != null) {
            String key = deviceKey(account, device);
            LoginThrottleRepository.Counted fromDevice = repository.countAttempt(key, now, windowStart);
            if (!lockedAt(fromDevice, now) && fromDevice.attempts() <= policy.maxFailures()) {
                deviceKey = key;
                deviceLockouts = fromDevice.lockouts();
            }
        }
        // the owner's own device or address: guesses from elsewhere, however many, neither hold it back nor are
        // joined by it
        boolean knownToTheAccount =
                deviceKey != null || (clientAddress != null && repository.signedInBefore(addressKey));
        if (!knownToTheAccount) {
            Optional<Instant> slowedDown = repository.lockedUntil(accountKey, now);
            if (slowedDown.isPresent()) {
                return Attempt.refused(accountKey, addressKey, Duration.between(now, slowedDown.get()));
            }
            LoginThrottleRepository.Counted soFar = repository.countSoFar(accountKey, windowStart);
            if (soFar.attempts() >= policy.accountMaxFailures()) {
                // the attempts ahead of this one slow the account down if they fail: refused before the address is
                // counted, or the owner's tries in this moment would lock the owner's own address
                return Attempt.refused(accountKey, addressKey, accountSlowdownAfter(soFar.lockouts()));
            }
        }
        LoginThrottleRepository.Counted fromAddress = repository.countAttempt(addressKey, now, windowStart);
        if (lockedAt(fromAddress, now)) {
            uncount(deviceKey, now);
            return Attempt.refused(accountKey, addressKey, Duration.between(now, fromAddress.lockedUntil()));
        }
        if (fromAddress.attempts() > policy.maxFailures()) {
            // the attempts ahead of this one lock the address out if they fail: refused for as long as that lockout
            uncount(deviceKey, now);
            return Attempt.refused(accountKey, addressKey, lockoutAfter(fromAddress.lockouts()));
        }
        if (knownToTheAccount) {
            return new Attempt(
                    accountKey, addressKey, fromAddress.lockouts(), false, 0, deviceKey, deviceLockouts, null);
        }
        LoginThrottleRepository.Counted everywhere = repository.countAttempt(accountKey, now, windowStart);
        if (lockedAt(everywhere, now)) {
            // slowed down since the check above: refused, so counted nowhere, as one refused by the check is
            repository.uncountAttempt(addressKey, now);
            return Attempt.refused(accountKey, addressKey, Duration.between(now, everywhere.lockedUntil()));
        }
        if (everywhere.attempts() > policy.accountMaxFailures()) {
            // a race past the check above: the address is not charged for an attempt that is not checked
            repository.uncountAttempt(addressKey, now);
            return Attempt.refused(accountKey, addressKey, accountSlowdownAfter(everywhere.lockouts()));
        }
        return new Attempt(accountKey, addressKey, fromAddress.lockouts(), true, everywhere.lockouts(), null, 0, null);
    }

    private static boolean lockedAt(LoginThrottleRepository.Counted count, Instant now) {
        return count.lockedUntil() != null && count.lockedUntil().isAfter(now);
    }

    // an attempt refused for its address is not the device's failure: the owner's tries while a stranger behind the
    // same address has it locked would otherwise use the device cookie up
    private void uncount(String deviceKey, Instant now) {
        if (deviceKey != null) {
            repository.uncountAttempt(deviceKey, now);
        }
    }

    /** A checked attempt failed; returns the lockouts it triggered, if it did. */
    List<Lockout> failed(Attempt attempt) {
        Instant now = clock.instant();
        // each failure also clears out rows whose window and longest lockout are long over (emails that were only
        // guessed, accounts that never came back); a quiet account thereby starts its backoff afresh
        repository.pruneQuietSince(now.minus(quietPeriod()), now.minus(SIGN_IN_MEMORY));
        List<Lockout> lockouts = new ArrayList<>();
        Duration lockout = lockoutAfter(attempt.lockouts());
        // the count already holds this attempt: whichever failure finds the limit reached locks, once
        if (repository.lock(attempt.addressKey(), policy.maxFailures(), now, now.plus(lockout))) {
            lockouts.add(new Lockout(lockout, Lockout.Scope.ADDRESS));
        }
        if (attempt.deviceKey() != null) {
            Duration deviceLockout = lockoutAfter(attempt.deviceLockouts());
            if (repository.lock(attempt.deviceKey(), policy.maxFailures(), now, now.plus(deviceLockout))) {
                lockouts.add(new Lockout(deviceLockout, Lockout.Scope.DEVICE));
            }
        }
        Duration slowdown = accountSlowdownAfter(attempt.accountSlowdowns());
        if (attempt.countedForAccount()
                && repository.lock(attempt.accountKey(), policy.accountMaxFailures(), now, now.plus(slowdown))) {
            lockouts.add(new Lockout(slowdown, Lockout.Scope.ACCOUNT));
        }
        return lockouts;
    }

    /**
     * The owner is in: the address's failures and the account's are forgiven; other addresses keep theirs. The
     * address is remembered, so that the account-wide slowdown does not hold the owner back there later. The device
     * cookie signed in with keeps its failures: the browser gets a new cookie with a new device id, and a stolen copy
     * of the old one would otherwise get a fresh allowance of guesses each time the owner signs in.
     */
    void succeeded(String account, String clientAddress) {
        repository.forget(addressKey(account, clientAddress));
        repository.forget(accountKey(account));
        if (clientAddress != null) {
            repository.rememberSignIn(addressKey(account, clientAddress), clock.instant());
        }
    }

    Duration quietPeriod() {
        Duration longest = policy.failureWindow();
        for (Duration candidate : List.of(policy.maxLockout(), policy.accountSlowdown())) {
            longest = candidate.compareTo(longest) > 0 ? candidate : longest;
        }
        return longest.multipliedBy(2);
    }

    /**
     * Each further round of the account-wide slowdown before a successful sign-in lasts twice as long, up to the
     * longest lockout: a fixed one let guessing from ever new addresses go on at the same pace for good.
     */
    Duration accountSlowdownAfter(int earlierSlowdowns) {
        Duration slowdown = policy.accountSlowdown().multipliedBy(1L << Math.min(earlierSlowdowns, 20));
        Duration longest = policy.maxLockout().compareTo(policy.accountSlowdown()) > 0
                ? policy.maxLockout()
                : policy.accountSlowdown();
        return slowdown.compareTo(longest) > 0 ? longest : slowdown;
    }

    Duration lockoutAfter(int earlierLockouts) {
        // doubling stops well before overflow: 2^20 minutes is already about two years
        Duration lockout = policy.lockout().multipliedBy(1L << Math.min(earlierLockouts, 20));
        return lockout.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lockout;
    }

    /**
     * @param lockouts the address's lockouts since the last successful sign-in, when the attempt was counted
     * @param countedForAccount counted towards the account-wide slowdown: not from an address signed in from before
     *     nor with a device cookie
     * @param accountSlowdowns the account's slowdowns since the last successful sign-in, when the attempt was counted
     * @param deviceKey the row of the device cookie honoured for the attempt; null without one
     * @param deviceLockouts the device cookie's lockouts in its lifetime: a sign-in with it forgives none, it issues a
     *     new device id instead
     * @param refusedFor how long sign-ins stay refused when the attempt is refused; null when it may be checked
     */
    record Attempt(
            String accountKey,
            String addressKey,
            int lockouts,
            boolean countedForAccount,
            int accountSlowdowns,
            String deviceKey,
            int deviceLockouts,
            Duration refusedFor) {

        static Attempt refused(String accountKey, String addressKey, Duration refusedFor) {
            return new Attempt(accountKey, addressKey, 0, false, 0, null, 0, refusedFor);
        }

        boolean refused() {
            return refusedFor != null;
        }
    }

    /** @param scope what is locked: one address out of the account, one device cookie, or the account everywhere */
    record Lockout(Duration duration, Scope scope) {

        enum Scope {
            ADDRESS,
            /** the device cookie is not honoured, its browser treated as any other: it is not refused */
            DEVICE,
            ACCOUNT
        }
    }
}

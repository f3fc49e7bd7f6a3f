package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final AuthProperties PROPERTIES = new AuthProperties(
            new AuthProperties.Jwt(
                    null,
                    "issuer",
                    "agent-factory",
                    Duration.ofMinutes(15),
                    Duration.ofDays(7),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(30),
                    Duration.ofDays(30)),
            "",
            null,
            new AuthProperties.Lockout(
                    5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 50, Duration.ofMinutes(2)));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LoginThrottle THROTTLE = new LoginThrottle(null, PROPERTIES, Clock.systemUTC());
    private static final String ACCOUNT = "ann@example.test";
    private static final String ADDRESS = "203.0.113.7";
    private static final String DEVICE = "dGhlIG93bmVyJ3MgbGFwdG9w";
    private static final LoginThrottleRepository.Counted FIRST = new LoginThrottleRepository.Counted(1, 0, null);

    @Test
    void checksTheAttemptThatReachesTheLimit() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(5, 0, null), FIRST)
                        .attempt(ACCOUNT, ADDRESS, null)
                        .refused())
                .isFalse();
    }

    @Test
    void refusesAttemptsPastTheLimitForTheLockoutTheEarlierOnesTriggerWhileTheyAreStillChecked() {
        LoginThrottle.Attempt attempt = throttleCounting(new LoginThrottleRepository.Counted(6, 2, null), FIRST)
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void refusesALockedAddressForTheRestOfItsLockout() {
        LoginThrottle.Attempt attempt = throttleCounting(
                        new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(30)), FIRST)
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void checksAnAttemptOnceTheLockoutIsOver() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(1, 1, NOW.minusSeconds(1)), FIRST)
                        .attempt(ACCOUNT, ADDRESS, null)
                        .refused())
                .isFalse();
    }

    @Test
    void slowsTheAccountDownOnlyPastItsOwnMuchHigherLimit() {
        LoginThrottle checked = throttleCounting(FIRST, new LoginThrottleRepository.Counted(50, 0, null));
        LoginThrottle slowed = throttleCounting(FIRST, new LoginThrottleRepository.Counted(51, 0, null));

        assertThat(checked.attempt(ACCOUNT, ADDRESS, null).refused()).isFalse();
        assertThat(slowed.attempt(ACCOUNT, ADDRESS, null).refusedFor()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesWhileTheAccountIsSlowedDownWithoutCountingTheAttemptAnywhere() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(20));
        assertThat(repository.counted).isEmpty();
    }

    @Test
    void doesNotCountAnAttemptRefusedForItsAddressAgainstTheAccount() {
        RecordingRepository repository =
                new RecordingRepository(new LoginThrottleRepository.Counted(6, 0, null), FIRST, Optional.empty());

        new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC)).attempt(ACCOUNT, ADDRESS, null);

        assertThat(repository.counted).containsExactly(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void refusesWithoutCountingTheAddressOnceTheAttemptsAheadWouldSlowTheAccountDown() {
        RecordingRepository repository =
                new RecordingRepository(FIRST, new LoginThrottleRepository.Counted(51, 0, null), Optional.empty());
        repository.accountAttemptsSoFar = 50;

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(repository.counted).isEmpty();
    }

    @Test
    void takesTheAttemptBackFromTheAddressWhenTheAccountRefusesItAfterARace() {
        RecordingRepository repository =
                new RecordingRepository(FIRST, new LoginThrottleRepository.Counted(51, 0, null), Optional.empty());
        repository.accountAttemptsSoFar = 49;

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refused()).isTrue();
        assertThat(repository.uncounted).containsExactly(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void takesTheAttemptBackFromTheAddressWhenTheAccountIsSlowedDownAfterTheCheck() {
        RecordingRepository repository = new RecordingRepository(
                FIRST, new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(90)), Optional.empty());

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(90));
        assertThat(repository.uncounted).containsExactly(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void letsAnAddressTheAccountWasSignedInFromBeforeTryWhileTheAccountIsSlowedDown() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));
        repository.signedInFrom.add(LoginThrottle.addressKey(ACCOUNT, ADDRESS));

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refused()).isFalse();
        assertThat(attempt.countedForAccount()).isFalse();
        // still held to its own limit
        assertThat(repository.counted).containsExactly(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void hintsTheDoubledSlowdownTheAttemptsAheadWouldStartAfterEarlierRounds() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.empty());
        repository.accountAttemptsSoFar = 50;
        repository.accountSlowdownsSoFar = 2;

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void hintsTheDoubledSlowdownWhenTheAccountRefusesAnAttemptAfterARace() {
        RecordingRepository repository =
                new RecordingRepository(FIRST, new LoginThrottleRepository.Counted(51, 2, null), Optional.empty());
        repository.accountAttemptsSoFar = 49;

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, null);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void letsABrowserWithADeviceCookieTryWhileTheAccountIsSlowedDown() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, DEVICE);

        assertThat(attempt.refused()).isFalse();
        assertThat(attempt.countedForAccount()).isFalse();
        // held to the limits of its own and of its address
        assertThat(repository.counted)
                .containsExactly(LoginThrottle.deviceKey(ACCOUNT, DEVICE), LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void stopsHonouringADeviceCookieOnceAsManyAttemptsAsLockItAreCounted() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));
        repository.fromDevice = new LoginThrottleRepository.Counted(6, 0, null);

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, DEVICE);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void stopsHonouringALockedDeviceCookieUntilItsLockoutIsOver() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));
        repository.fromDevice = new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(90));
        LoginThrottle throttle = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

        LoginThrottle.Attempt whileLocked = throttle.attempt(ACCOUNT, ADDRESS, DEVICE);
        repository.fromDevice = new LoginThrottleRepository.Counted(1, 1, NOW.minusSeconds(1));
        LoginThrottle.Attempt afterwards = throttle.attempt(ACCOUNT, ADDRESS, DEVICE);

        assertThat(whileLocked.refusedFor()).isEqualTo(Duration.ofSeconds(20));
        assertThat(afterwards.refused()).isFalse();
    }

    @Test
    void locksTheDeviceCookieWithTheFailureThatReachesItsLimitDoublingPerLockout() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.empty());
        repository.fromDevice = new LoginThrottleRepository.Counted(5, 1, null);
        LoginThrottle throttle = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

        List<LoginThrottle.Lockout> lockouts = throttle.failed(throttle.attempt(ACCOUNT, ADDRESS, DEVICE));

        assertThat(lockouts)
                .containsExactly(new LoginThrottle.Lockout(Duration.ofMinutes(2), LoginThrottle.Lockout.Scope.DEVICE));
        assertThat(repository.lockedUntil)
                .containsEntry(LoginThrottle.deviceKey(ACCOUNT, DEVICE), NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void holdsABrowserWithADeviceCookieToItsAddresssLockoutWithoutChargingTheCookie() {
        RecordingRepository repository = new RecordingRepository(
                new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(30)), FIRST, Optional.empty());

        LoginThrottle.Attempt attempt = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC))
                .attempt(ACCOUNT, ADDRESS, DEVICE);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(repository.uncounted).containsExactly(LoginThrottle.deviceKey(ACCOUNT, DEVICE));
    }

    @Test
    void slowsTheAccountDownTwiceAsLongForEachEarlierRoundSinceTheLastSignIn() {
        RecordingRepository repository =
                new RecordingRepository(FIRST, new LoginThrottleRepository.Counted(50, 2, null), Optional.empty());
        LoginThrottle throttle = new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

        List<LoginThrottle.Lockout> lockouts = throttle.failed(throttle.attempt(ACCOUNT, ADDRESS, null));

        assertThat(lockouts)
                .containsExactly(new LoginThrottle.Lockout(Duration.ofMinutes(8), LoginThrottle.Lockout.Scope.ACCOUNT));
        assertThat(repository.lockedUntil)
                .containsEntry(LoginThrottle.accountKey(ACCOUNT), NOW.plus(Duration.ofMinutes(8)));
    }

    @Test
    void doublesTheAccountWideSlowdownUpToTheLongestLockout() {
        assertThat(THROTTLE.accountSlowdownAfter(0)).isEqualTo(Duration.ofMinutes(2));
        assertThat(THROTTLE.accountSlowdownAfter(1)).isEqualTo(Duration.ofMinutes(4));
        assertThat(THROTTLE.accountSlowdownAfter(5)).isEqualTo(Duration.ofHours(1));
        assertThat(THROTTLE.accountSlowdownAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void keysAnIpv6AddressByItsSlash64() {
        String key = LoginThrottle.addressKey(ACCOUNT, "2001:db8:1:2::1");

        assertThat(LoginThrottle.addressKey(ACCOUNT, "2001:db8:1:2:ffff:ee:dd:cc"))
                .isEqualTo(key);
        assertThat(LoginThrottle.addressKey(ACCOUNT, "2001:0db8:0001:0002:0000:0000:0000:0002"))
                .isEqualTo(key);
        assertThat(LoginThrottle.addressKey(ACCOUNT, "2001:db8:1:3::1")).isNotEqualTo(key);
        assertThat(key).isEqualTo(ACCOUNT + "\n2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void keysAnIpv4AddressByItselfAlsoWhenMappedIntoIpv6() {
        assertThat(LoginThrottle.addressKey(ACCOUNT, ADDRESS)).isEqualTo(ACCOUNT + "\n" + ADDRESS);
        assertThat(LoginThrottle.addressKey(ACCOUNT, "203.0.113.8"))
                .isNotEqualTo(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
        assertThat(LoginThrottle.addressKey(ACCOUNT, "::ffff:" + ADDRESS))
                .isEqualTo(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
    }

    @Test
    void noTypedEmailNamesTheRowOfAnotherEmailsAddress() {
        String typed = ACCOUNT + "\n" + ADDRESS;

        assertThat(LoginThrottle.accountKey(typed)).isNotEqualTo(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
        assertThat(LoginThrottle.addressKey(typed, "192.0.2.1"))
                .isNotEqualTo(LoginThrottle.addressKey(ACCOUNT, ADDRESS + "\n192.0.2.1"));
        assertThat(LoginThrottle.accountKey(ACCOUNT)).isEqualTo(ACCOUNT);
    }

    @Test
    void doublesEachFurtherLockoutUpToTheMaximum() {
        assertThat(THROTTLE.lockoutAfter(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(THROTTLE.lockoutAfter(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(THROTTLE.lockoutAfter(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(THROTTLE.lockoutAfter(6)).isEqualTo(Duration.ofHours(1));
        assertThat(THROTTLE.lockoutAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void treatsRowsAsQuietAfterTwiceTheLongerOfWindowAndMaximumLockout() {
        assertThat(THROTTLE.quietPeriod()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void accountIgnoresCaseAndSurroundingSpace() {
        assertThat(LoginThrottle.account("  Ann@Example.TEST ")).isEqualTo("ann@example.test");
    }

    // the counts the store answers with; the counting itself is the store's, tested against PostgreSQL
    private static LoginThrottle throttleCounting(
            LoginThrottleRepository.Counted fromAddress, LoginThrottleRepository.Counted everywhere) {
        return new LoginThrottle(
                new RecordingRepository(fromAddress, everywhere, Optional.empty()),
                PROPERTIES,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static final class RecordingRepository extends LoginThrottleRepository {

        private final Counted fromAddress;
        private final Counted everywhere;
        private final Optional<Instant> accountLockedUntil;
        private final List<String> counted = new ArrayList<>();
        private final List<String> uncounted = new ArrayList<>();
        private int accountAttemptsSoFar;
        private int accountSlowdownsSoFar;
        private Counted fromDevice = new Counted(1, 0, null);
        private final Set<String> signedInFrom = new HashSet<>();
        private final Map<String, Instant> lockedUntil = new HashMap<>();

        RecordingRepository(Counted fromAddress, Counted everywhere, Optional<Instant> accountLockedUntil) {
            super(null);
            this.fromAddress = fromAddress;
            this.everywhere = everywhere;
            this.accountLockedUntil = accountLockedUntil;
        }

        @Override
        Optional<Instant> lockedUntil(String account, Instant now) {
            return account.equals(LoginThrottle.accountKey(ACCOUNT)) ? accountLockedUntil : Optional.empty();
        }

        @Override
        boolean signedInBefore(String addressKey) {
            return signedInFrom.contains(addressKey);
        }

        @Override
        int pruneQuietSince(Instant cutoff, Instant signInCutoff) {
            return 0;
        }

        @Override
        boolean lock(String account, int maxFailures, Instant now, Instant until) {
            Counted count = countOf(account);
            if (count.attempts() < maxFailures) {
                return false;
            }
            lockedUntil.put(account, until);
            return true;
        }

        @Override
        Counted countSoFar(String account, Instant windowStart) {
            return account.equals(LoginThrottle.accountKey(ACCOUNT))
                    ? new Counted(accountAttemptsSoFar, accountSlowdownsSoFar, null)
                    : new Counted(0, 0, null);
        }

        @Override
        void uncountAttempt(String account, Instant now) {
            uncounted.add(account);
        }

        @Override
        Counted countAttempt(String account, Instant now, Instant windowStart) {
            counted.add(account);
            return countOf(account);
        }

        private Counted countOf(String account) {
            if (account.equals(LoginThrottle.accountKey(ACCOUNT))) {
                return everywhere;
            }
            return account.equals(LoginThrottle.deviceKey(ACCOUNT, DEVICE)) ? fromDevice : fromAddress;
        }
    }
}

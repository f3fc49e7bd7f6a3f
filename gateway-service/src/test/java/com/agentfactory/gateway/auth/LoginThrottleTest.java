package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final AuthProperties PROPERTIES = new AuthProperties(
            new AuthProperties.Jwt(
                    null, "issuer", "agent-factory", Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofMinutes(5)),
            "",
            null,
            new AuthProperties.Lockout(
                    5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1), 50, Duration.ofMinutes(2)));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LoginThrottle THROTTLE = new LoginThrottle(null, PROPERTIES, Clock.systemUTC());
    private static final String ACCOUNT = "ann@example.test";
    private static final String ADDRESS = "203.0.113.7";
    private static final LoginThrottleRepository.Counted FIRST = new LoginThrottleRepository.Counted(1, 0, null);

    @Test
    void checksTheAttemptThatReachesTheLimit() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(5, 0, null), FIRST)
                        .attempt(ACCOUNT, ADDRESS)
                        .refused())
                .isFalse();
    }

    @Test
    void refusesAttemptsPastTheLimitForTheLockoutTheEarlierOnesTriggerWhileTheyAreStillChecked() {
        LoginThrottle.Attempt attempt = throttleCounting(new LoginThrottleRepository.Counted(6, 2, null), FIRST)
                .attempt(ACCOUNT, ADDRESS);

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void refusesALockedAddressForTheRestOfItsLockout() {
        LoginThrottle.Attempt attempt = throttleCounting(
                        new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(30)), FIRST)
                .attempt(ACCOUNT, ADDRESS);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void checksAnAttemptOnceTheLockoutIsOver() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(1, 1, NOW.minusSeconds(1)), FIRST)
                        .attempt(ACCOUNT, ADDRESS)
                        .refused())
                .isFalse();
    }

    @Test
    void slowsTheAccountDownOnlyPastItsOwnMuchHigherLimitForAFixedWhile() {
        LoginThrottle checked = throttleCounting(FIRST, new LoginThrottleRepository.Counted(50, 7, null));
        LoginThrottle slowed = throttleCounting(FIRST, new LoginThrottleRepository.Counted(51, 7, null));

        assertThat(checked.attempt(ACCOUNT, ADDRESS).refused()).isFalse();
        assertThat(slowed.attempt(ACCOUNT, ADDRESS).refusedFor()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesWhileTheAccountIsSlowedDownWithoutCountingTheAttemptAnywhere() {
        RecordingRepository repository = new RecordingRepository(FIRST, FIRST, Optional.of(NOW.plusSeconds(20)));

        LoginThrottle.Attempt attempt =
                new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC)).attempt(ACCOUNT, ADDRESS);

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(20));
        assertThat(repository.counted).isEmpty();
    }

    @Test
    void doesNotCountAnAttemptRefusedForItsAddressAgainstTheAccount() {
        RecordingRepository repository =
                new RecordingRepository(new LoginThrottleRepository.Counted(6, 0, null), FIRST, Optional.empty());

        new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC)).attempt(ACCOUNT, ADDRESS);

        assertThat(repository.counted).containsExactly(LoginThrottle.addressKey(ACCOUNT, ADDRESS));
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
        Counted countAttempt(String account, Instant now, Instant windowStart) {
            counted.add(account);
            return account.equals(LoginThrottle.accountKey(ACCOUNT)) ? everywhere : fromAddress;
        }
    }
}

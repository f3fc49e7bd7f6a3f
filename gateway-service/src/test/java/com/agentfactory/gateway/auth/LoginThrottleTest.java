package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final AuthProperties PROPERTIES = new AuthProperties(
            new AuthProperties.Jwt(
                    null, "issuer", "agent-factory", Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofMinutes(5)),
            "",
            null,
            new AuthProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1)));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final LoginThrottle THROTTLE = new LoginThrottle(null, PROPERTIES, Clock.systemUTC());

    @Test
    void checksTheAttemptThatReachesTheLimit() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(5, 0, null))
                        .attempt("ann@example.test")
                        .refused())
                .isFalse();
    }

    @Test
    void refusesAttemptsPastTheLimitForTheLockoutTheEarlierOnesTriggerWhileTheyAreStillChecked() {
        LoginThrottle.Attempt attempt = throttleCounting(new LoginThrottleRepository.Counted(6, 2, null))
                .attempt("ann@example.test");

        assertThat(attempt.refused()).isTrue();
        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void refusesALockedAccountForTheRestOfItsLockout() {
        LoginThrottle.Attempt attempt = throttleCounting(new LoginThrottleRepository.Counted(0, 1, NOW.plusSeconds(30)))
                .attempt("ann@example.test");

        assertThat(attempt.refusedFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void checksAnAttemptOnceTheLockoutIsOver() {
        assertThat(throttleCounting(new LoginThrottleRepository.Counted(1, 1, NOW.minusSeconds(1)))
                        .attempt("ann@example.test")
                        .refused())
                .isFalse();
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

    // the count the store answers with; the counting itself is the store's, tested against PostgreSQL
    private static LoginThrottle throttleCounting(LoginThrottleRepository.Counted counted) {
        LoginThrottleRepository repository = new LoginThrottleRepository(null) {
            @Override
            Counted countAttempt(String account, Instant now, Instant windowStart) {
                return counted;
            }
        };
        return new LoginThrottle(repository, PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}

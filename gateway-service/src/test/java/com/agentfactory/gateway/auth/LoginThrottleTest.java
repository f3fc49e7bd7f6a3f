package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final LoginThrottle THROTTLE = new LoginThrottle(
            null,
            new AuthProperties(
                    new AuthProperties.Jwt(
                            null,
                            "issuer",
                            "agent-factory",
                            Duration.ofMinutes(15),
                            Duration.ofDays(7),
                            Duration.ofMinutes(5)),
                    "",
                    null,
                    new AuthProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(1))),
            Clock.systemUTC());

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
}

package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeviceCookiesTest {

    private static final String KEY = "device-cookie-test-key-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ACCOUNT = "ann@example.test";

    @Test
    void namesNoAccountInTheClear() {
        assertThat(cookies(KEY, false, NOW).issue(ACCOUNT)).doesNotContain(ACCOUNT);
    }

    @Test
    void marksTheCookieSecureOnAnHttpsRequestOrWhenConfigured() {
        assertThat(cookies(KEY, false, NOW).secure(false)).isFalse();
        assertThat(cookies(KEY, false, NOW).secure(true)).isTrue();
        assertThat(cookies(KEY, true, NOW).secure(false)).isTrue();
    }

    @Test
    void readsTheDeviceOfItsOwnCookieForTheAccountItNames() {
        DeviceCookies cookies = cookies(KEY, false, NOW);
        String first = cookies.issue(ACCOUNT);
        String second = cookies.issue(ACCOUNT);

        assertThat(cookies.deviceOf(first, ACCOUNT)).isPresent();
        assertThat(cookies.deviceOf(first, ACCOUNT)).isNotEqualTo(cookies.deviceOf(second, ACCOUNT));
    }

    @Test
    void refusesTheCookieOfAnotherAccount() {
        DeviceCookies cookies = cookies(KEY, false, NOW);

        assertThat(cookies.deviceOf(cookies.issue("bob@example.test"), ACCOUNT)).isEmpty();
    }

    @Test
    void refusesACookieChangedToNameAnotherAccountOrDevice() {
        DeviceCookies cookies = cookies(KEY, false, NOW);
        String[] parts = cookies.issue("bob@example.test").split("\\.");
        String[] ann = cookies.issue(ACCOUNT).split("\\.");

        String otherAccount = String.join(".", ann[0], parts[1], parts[2], parts[3]);
        String otherDevice = String.join(".", ann[0], parts[1], ann[2], ann[3]);

        assertThat(cookies.deviceOf(otherAccount, ACCOUNT)).isEmpty();
        assertThat(cookies.deviceOf(otherDevice, ACCOUNT)).isEmpty();
    }

    @Test
    void refusesACookieSignedWithAnotherKey() {
        String foreign =
                cookies("another-device-cookie-key-0123456789ab", false, NOW).issue(ACCOUNT);

        assertThat(cookies(KEY, false, NOW).deviceOf(foreign, ACCOUNT)).isEmpty();
    }

    @Test
    void refusesACookieOlderThanItsValidity() {
        String cookie = cookies(KEY, false, NOW).issue(ACCOUNT);

        assertThat(cookies(KEY, false, NOW.plus(Duration.ofDays(90)).minusSeconds(1))
                        .deviceOf(cookie, ACCOUNT))
                .isPresent();
        assertThat(cookies(KEY, false, NOW.plus(Duration.ofDays(90))).deviceOf(cookie, ACCOUNT))
                .isEmpty();
    }

    @Test
    void refusesNoCookieOrGarbage() {
        DeviceCookies cookies = cookies(KEY, false, NOW);

        assertThat(cookies.deviceOf(null, ACCOUNT)).isEmpty();
        assertThat(cookies.deviceOf("", ACCOUNT)).isEmpty();
        assertThat(cookies.deviceOf("a.b.c.d", ACCOUNT)).isEmpty();
        assertThat(cookies.deviceOf("a.b.c.d.e", ACCOUNT)).isEmpty();
    }

    @Test
    void generatesAKeyOfItsOwnWhenNoneIsConfiguredWhoseCookiesNoOtherInstanceHonours() {
        DeviceCookies one = cookies("", false, NOW);
        DeviceCookies other = cookies(null, false, NOW);
        String cookie = one.issue(ACCOUNT);

        assertThat(one.deviceOf(cookie, ACCOUNT)).isPresent();
        assertThat(other.deviceOf(cookie, ACCOUNT)).isEmpty();
    }

    @Test
    void refusesToStartWithAShortKey() {
        assertThatThrownBy(() -> cookies("short-key", false, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LOGIN_DEVICE_COOKIE_KEY");
    }

    private static DeviceCookies cookies(String key, boolean secure, Instant now) {
        return new DeviceCookies(new DeviceCookieProperties(key, secure), Clock.fixed(now, ZoneOffset.UTC));
    }
}

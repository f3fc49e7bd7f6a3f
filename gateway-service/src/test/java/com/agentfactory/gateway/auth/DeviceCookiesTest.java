package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceCookiesTest {

    private static final String KEY = "device-cookie-test-key-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID ANN = UUID.fromString("3f2b8c1e-7a4d-4e5f-9b6a-0c1d2e3f4a5b");
    private static final UUID BOB = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

    @Test
    void namesNoUserInTheClear() {
        assertThat(cookies(KEY, false, NOW).issue(ANN)).doesNotContain(ANN.toString());
    }

    @Test
    void marksTheCookieSecureOnAnHttpsRequestOrWhenConfigured() {
        assertThat(cookies(KEY, false, NOW).secure(false)).isFalse();
        assertThat(cookies(KEY, false, NOW).secure(true)).isTrue();
        assertThat(cookies(KEY, true, NOW).secure(false)).isTrue();
    }

    @Test
    void readsTheDeviceOfItsOwnCookieForTheUserItNames() {
        DeviceCookies cookies = cookies(KEY, false, NOW);
        String first = cookies.issue(ANN);
        String second = cookies.issue(ANN);

        assertThat(cookies.deviceOf(first, ANN)).isPresent();
        assertThat(cookies.deviceOf(first, ANN)).isNotEqualTo(cookies.deviceOf(second, ANN));
    }

    @Test
    void refusesTheCookieOfAnotherUser() {
        DeviceCookies cookies = cookies(KEY, false, NOW);

        assertThat(cookies.deviceOf(cookies.issue(BOB), ANN)).isEmpty();
    }

    @Test
    void refusesEveryCookieForAnEmailOfNoAccount() {
        DeviceCookies cookies = cookies(KEY, false, NOW);

        assertThat(cookies.deviceOf(cookies.issue(ANN), null)).isEmpty();
    }

    @Test
    void refusesACookieChangedToNameAnotherUserOrDevice() {
        DeviceCookies cookies = cookies(KEY, false, NOW);
        String[] parts = cookies.issue(BOB).split("\\.");
        String[] ann = cookies.issue(ANN).split("\\.");

        String otherAccount = String.join(".", ann[0], parts[1], parts[2], parts[3]);
        String otherDevice = String.join(".", ann[0], parts[1], ann[2], ann[3]);

        assertThat(cookies.deviceOf(otherAccount, ANN)).isEmpty();
        assertThat(cookies.deviceOf(otherDevice, ANN)).isEmpty();
    }

    @Test
    void refusesACookieSignedWithAnotherKey() {
        String foreign =
                cookies("another-device-cookie-key-0123456789ab", false, NOW).issue(ANN);

        assertThat(cookies(KEY, false, NOW).deviceOf(foreign, ANN)).isEmpty();
    }

    @Test
    void refusesACookieOlderThanItsValidity() {
        String cookie = cookies(KEY, false, NOW).issue(ANN);

        assertThat(cookies(KEY, false, NOW.plus(Duration.ofDays(90)).minusSeconds(1))
                        .deviceOf(cookie, ANN))
                .isPresent();
        assertThat(cookies(KEY, false, NOW.plus(Duration.ofDays(90))).deviceOf(cookie, ANN))
                .isEmpty();
    }

    @Test
    void refusesNoCookieOrGarbage() {
        DeviceCookies cookies = cookies(KEY, false, NOW);

        assertThat(cookies.deviceOf(null, ANN)).isEmpty();
        assertThat(cookies.deviceOf("", ANN)).isEmpty();
        assertThat(cookies.deviceOf("a.b.c.d", ANN)).isEmpty();
        assertThat(cookies.deviceOf("a.b.c.d.e", ANN)).isEmpty();
    }

    @Test
    void generatesAKeyOfItsOwnWhenNoneIsConfiguredWhoseCookiesNoOtherInstanceHonours() {
        DeviceCookies one = cookies("", false, NOW);
        DeviceCookies other = cookies(null, false, NOW);
        String cookie = one.issue(ANN);

        assertThat(one.deviceOf(cookie, ANN)).isPresent();
        assertThat(other.deviceOf(cookie, ANN)).isEmpty();
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

package com.agentfactory.gateway.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Device cookies after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a successful sign-in leaves a
 * cookie in the browser that names the user and a random device id, signed by the gateway. A later sign-in to the
 * same account presenting it comes from a device the owner used, and is not held back by the account-wide slowdown;
 * its failures are counted per device id, so that a stolen cookie buys no more guesses than one address gets.
 *
 * <p>The cookie names the user id, not the e-mail: an erased account's e-mail can be registered again, and a cookie
 * of the old owner's (or a stolen copy of it) must not ease sign-ins to the new account.
 *
 * <p>The cookie reaches only the sign-in endpoint and no script: it is a credential of sorts, if a weak one.
 */
@Component
class DeviceCookies {

    static final String NAME = "login_device";
    static final String PATH = "/api/v1/auth/login";
    /** As long as an address signed in from stays exempt: a device not used for longer is a new device again. */
    static final Duration VALIDITY = LoginThrottle.SIGN_IN_MEMORY;

    private static final Logger log = LoggerFactory.getLogger(DeviceCookies.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_LENGTH = 32;
    private static final int DEVICE_ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final boolean alwaysSecure;
    private final Clock clock;

    DeviceCookies(DeviceCookieProperties properties, Clock clock) {
        this.key = new SecretKeySpec(keyBytes(properties.key()), ALGORITHM);
        this.alwaysSecure = properties.secure();
        this.clock = clock;
    }

    private static byte[] keyBytes(String configured) {
        if (configured == null || configured.isBlank()) {
            log.warn("LOGIN_DEVICE_COOKIE_KEY is not set: signing device cookies with a key generated at start-up; "
                    + "they will not survive a restart and other gateway instances will not honour them");
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            return generated;
        }
        if (configured.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException(
                    "LOGIN_DEVICE_COOKIE_KEY must be at least " + MIN_KEY_LENGTH + " characters long");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The value of a new cookie for the user, with a device id of its own: set on every successful sign-in (the
     * controller sets it HttpOnly, SameSite=Strict, for {@link #PATH} and {@link #VALIDITY}). The new id leaves the
     * failures counted for the cookie signed in with to that cookie, so that a stolen copy of it gains none back.
     */
    String issue(UUID userId) {
        byte[] deviceId = new byte[DEVICE_ID_BYTES];
        RANDOM.nextBytes(deviceId);
        String payload = ENCODER.encodeToString(bytes(userId)) + "." + ENCODER.encodeToString(deviceId) + "."
                + clock.instant().getEpochSecond();
        return payload + "." + signature(payload);
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    /** Whether the cookie is marked Secure: on an https request, and on every one when so configured. */
    boolean secure(boolean httpsRequest) {
        return httpsRequest || alwaysSecure;
    }

    /**
     * The device id of a cookie this gateway signed for this user within its validity, or empty: a cookie of another
     * user, altered, expired or signed with another key is no device cookie, and no cookie is one for an e-mail of
     * no account (a null user), so that the answer for it is that for any unknown e-mail.
     */
    Optional<String> deviceOf(String cookie, UUID userId) {
        if (cookie == null || userId == null) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(
                signature(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            byte[] named = DECODER.decode(parts[0]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            Instant now = clock.instant();
            if (!Arrays.equals(named, bytes(userId)) || !issued.plus(VALIDITY).isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(parts[1]);
        } catch (IllegalArgumentException | DateTimeException unreadable) {
            return Optional.empty();
        }
    }

    private String signature(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("unusable device cookie key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no " + ALGORITHM, e);
        }
    }
}

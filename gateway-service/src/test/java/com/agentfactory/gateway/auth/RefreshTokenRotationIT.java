package com.agentfactory.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.messaging.testing.LockWaits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.threeten.extra.MutableClock;

/**
 * Refresh-token rotation on the real identity schema, with the gateway's settings (a 30 s grace for a lost reply,
 * 7-day tokens, 30-day sign-ins) and a clock the tests move forward. A browser sends the refresh cookie it holds with
 * every refresh; a client without a cookie jar sends none (null).
 */
class RefreshTokenRotationIT extends GatewayIntegrationTest {

    private static final Duration WITHIN_GRACE = Duration.ofSeconds(10);
    private static final Duration PAST_GRACE = Duration.ofSeconds(31);

    @Autowired
    private RefreshTokenRepository repository;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private AuthProperties properties;

    @Autowired
    private JdbcTemplate jdbc;

    private final MutableClock clock = MutableClock.of(Instant.now(), ZoneOffset.UTC);
    private RefreshTokenService refreshTokens;
    private UUID user;

    @BeforeEach
    void signIn() {
        refreshTokens = new RefreshTokenService(repository, transactions, properties, clock);
        user = users.customer().id();
    }

    @Test
    void aTokenPresentedAgainSoonAfterItsUseIsTradedForAFreshOneOfTheSameSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String lostInTransit = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        clock.add(WITHIN_GRACE);

        RefreshTokenService.Rotation retried = refreshTokens.rotate(first.refreshToken(), first.browserCookie());

        assertThat(retried.userId()).isEqualTo(user);
        assertThat(retried.refreshToken()).isNotIn(first.refreshToken(), lostInTransit);
        assertThat(stored(retried.refreshToken()).familyId())
                .isEqualTo(stored(first.refreshToken()).familyId());
        assertThat(stored(lostInTransit).revokedAt())
                .as("the successor nobody received")
                .isNotNull();
        assertThat(refreshTokens.rotate(retried.refreshToken(), null).userId()).isEqualTo(user);
    }

    @Test
    void aRetryWithTheCookieOfTheLostReplyIsServed() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        // the browser took the cookie from the reply's headers before its body was lost
        String cookieOfTheLostReply = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .browserCookie();
        clock.add(WITHIN_GRACE);

        RefreshTokenService.Rotation retried = refreshTokens.rotate(first.refreshToken(), cookieOfTheLostReply);

        assertThat(retried.userId()).isEqualTo(user);
        assertThat(retried.browserCookie()).as("the cookie the browser holds").isEqualTo(cookieOfTheLostReply);
    }

    @Test
    void aRetryRepeatedWithinTheGraceIsServedAgain() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        refreshTokens.rotate(first.refreshToken(), first.browserCookie());
        // the first retry's reply lost too, its cookie taken from the headers
        String cookie = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .browserCookie();
        clock.add(WITHIN_GRACE);

        String latest = refreshTokens.rotate(first.refreshToken(), cookie).refreshToken();

        assertThat(refreshTokens.rotate(latest, null).userId()).isEqualTo(user);
    }

    @Test
    void aRetryWithinTheGraceWithoutTheBrowsersCookieEndsTheSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String second = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        clock.add(WITHIN_GRACE);

        assertRefused(first.refreshToken(), null);

        assertRefused(second, null);
    }

    @Test
    void aRetryWithinTheGraceWithAnotherSignInsCookieEndsTheSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String second = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        String otherBrowser = refreshTokens.issue(user, null).browserCookie();

        assertRefused(first.refreshToken(), otherBrowser);

        assertRefused(second, null);
    }

    @Test
    void aRetryWithinTheGraceWithTheCookieOfAnEarlierTokenOfTheSignInEndsIt() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        // refreshed without its cookie, so the reply set another
        RefreshTokenService.Rotation second = refreshTokens.rotate(first.refreshToken(), null);
        String third = refreshTokens
                .rotate(second.refreshToken(), second.browserCookie())
                .refreshToken();

        assertRefused(second.refreshToken(), first.browserCookie());

        assertRefused(third, null);
    }

    @Test
    void aRefreshKeepsTheCookieTheBrowserPresents() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);

        RefreshTokenService.Rotation second = refreshTokens.rotate(first.refreshToken(), first.browserCookie());

        assertThat(second.browserCookie()).isEqualTo(first.browserCookie());
        assertThat(stored(second.refreshToken()).browserHash())
                .isEqualTo(RefreshTokenService.hash(first.browserCookie()));
    }

    @Test
    void aSignInKeepsTheCookieTheBrowserPresents() {
        String held = refreshTokens.issue(user, null).browserCookie();

        RefreshTokenService.Issued another = refreshTokens.issue(user, held);

        assertThat(another.browserCookie()).isEqualTo(held);
        assertThat(stored(another.refreshToken()).browserHash()).isEqualTo(RefreshTokenService.hash(held));
    }

    @Test
    void aTokenHandedOutWithoutACookieIsRetriedWithinTheGraceWithoutOne() {
        String old = handedOutWithoutACookie();
        String lostInTransit = refreshTokens.rotate(old, null).refreshToken();
        clock.add(WITHIN_GRACE);

        RefreshTokenService.Rotation retried = refreshTokens.rotate(old, null);

        assertThat(retried.userId()).isEqualTo(user);
        assertThat(stored(retried.refreshToken()).familyId())
                .isEqualTo(stored(old).familyId());
        assertThat(stored(lostInTransit).revokedAt())
                .as("the successor nobody received")
                .isNotNull();
        assertThat(stored(retried.refreshToken()).browserHash())
                .as("the fresh token names the browser")
                .isEqualTo(RefreshTokenService.hash(retried.browserCookie()));
    }

    @Test
    void theTokenTradedForOneHandedOutWithoutACookieNeedsTheCookieForItsRetry() {
        String old = handedOutWithoutACookie();
        RefreshTokenService.Rotation second = refreshTokens.rotate(old, null);
        String third = refreshTokens.rotate(second.refreshToken(), null).refreshToken();
        clock.add(WITHIN_GRACE);

        assertRefused(second.refreshToken(), null);

        assertRefused(third, null);
    }

    @Test
    void aTokenHandedOutWithoutACookiePresentedAgainAfterTheGraceEndsTheSignIn() {
        String old = handedOutWithoutACookie();
        String second = refreshTokens.rotate(old, null).refreshToken();
        clock.add(PAST_GRACE);

        assertRefused(old, null);

        assertRefused(second, null);
    }

    @Test
    void aTokenPresentedAgainAfterTheGraceEndsTheSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String second = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        clock.add(PAST_GRACE);

        assertRefused(first.refreshToken(), first.browserCookie());

        assertRefused(second, null);
    }

    @Test
    void aTokenPresentedAgainAfterItsSuccessorWasUsedEndsTheSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        RefreshTokenService.Rotation second = refreshTokens.rotate(first.refreshToken(), first.browserCookie());
        String third = refreshTokens
                .rotate(second.refreshToken(), second.browserCookie())
                .refreshToken();
        clock.add(Duration.ofSeconds(1));

        assertRefused(first.refreshToken(), first.browserCookie());

        assertRefused(third, null);
    }

    @Test
    void theSuccessorReplacedAfterALostReplyPresentedAfterTheGraceEndsTheSignIn() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String lostInTransit = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        String fresh = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        clock.add(PAST_GRACE);

        assertRefused(lostInTransit, first.browserCookie());

        assertRefused(fresh, null);
    }

    @Test
    void aSignOutIsNotUndoneByARetryWithinTheGrace() {
        RefreshTokenService.Issued first = refreshTokens.issue(user, null);
        String second = refreshTokens
                .rotate(first.refreshToken(), first.browserCookie())
                .refreshToken();
        refreshTokens.revokeFamilyOf(second);

        assertRefused(first.refreshToken(), first.browserCookie());
    }

    @Test
    void aSignOutDuringAUseRevokesTheSuccessorTheUseHandsOut() throws Exception {
        String first = refreshTokens.issue(user, null).refreshToken();
        ExecutorService signOuts = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> signOut = new AtomicReference<>();
        try {
            // the use's transaction stays open, its successor inserted and uncommitted, until the sign-out waits for it
            String successor = transactions.execute(status -> {
                String handedOut = refreshTokens.rotate(first, null).refreshToken();
                Integer using = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
                signOut.set(signOuts.submit(() -> refreshTokens.revokeFamilyOf(first)));
                LockWaits.awaitSessionBlockedBy(jdbc, using);
                return handedOut;
            });
            signOut.get().get(1, TimeUnit.MINUTES);

            assertThat(stored(successor).revokedAt())
                    .as("the token handed out by the use the sign-out waited for")
                    .isNotNull();
            assertRefused(successor, null);
        } finally {
            signOuts.shutdownNow();
        }
    }

    @Test
    void rotatingDoesNotExtendASignInBeyondItsLifetime() {
        Duration lifetime = properties.jwt().sessionLifetime();
        String token = refreshTokens.issue(user, null).refreshToken();
        Duration elapsed = Duration.ZERO;
        // refreshed well within each token's 7 days until a day before the sign-in's end
        while (elapsed.plusDays(6).compareTo(lifetime.minusDays(1)) <= 0) {
            clock.add(Duration.ofDays(6));
            elapsed = elapsed.plusDays(6);
            token = refreshTokens.rotate(token, null).refreshToken();
        }
        clock.add(lifetime.minusDays(1).minus(elapsed));
        token = refreshTokens.rotate(token, null).refreshToken();
        StoredRefreshToken lastOne = stored(token);
        assertThat(lastOne.expiresAt()).isEqualTo(lastOne.sessionStartedAt().plus(lifetime));

        clock.add(Duration.ofDays(1).plusSeconds(1));

        assertRefused(token, null);
    }

    // as a gateway without the refresh cookie handed tokens out: before it came, and on instances not yet replaced
    // while it is deployed
    private String handedOutWithoutACookie() {
        String raw = "handed-out-without-a-cookie-" + UUID.randomUUID();
        Instant now = clock.instant();
        repository.insert(new StoredRefreshToken(
                UUID.randomUUID(),
                user,
                UUID.randomUUID(),
                RefreshTokenService.hash(raw),
                now.plus(properties.jwt().refreshTokenTtl()),
                now,
                null,
                null,
                null,
                null));
        return raw;
    }

    private StoredRefreshToken stored(String raw) {
        return repository.findByHash(RefreshTokenService.hash(raw)).orElseThrow();
    }

    private void assertRefused(String raw, String browserCookie) {
        assertThatThrownBy(() -> refreshTokens.rotate(raw, browserCookie))
                .isInstanceOf(InvalidCredentialsException.class);
    }
}

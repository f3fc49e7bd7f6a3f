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
 * 7-day tokens, 30-day sign-ins) and a clock the tests move forward.
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
        String first = refreshTokens.issue(user);
        String lostInTransit = refreshTokens.rotate(first).refreshToken();
        clock.add(WITHIN_GRACE);

        RefreshTokenService.Rotation retried = refreshTokens.rotate(first);

        assertThat(retried.userId()).isEqualTo(user);
        assertThat(retried.refreshToken()).isNotIn(first, lostInTransit);
        assertThat(stored(retried.refreshToken()).familyId())
                .isEqualTo(stored(first).familyId());
        assertThat(stored(lostInTransit).revokedAt())
                .as("the successor nobody received")
                .isNotNull();
        assertThat(refreshTokens.rotate(retried.refreshToken()).userId()).isEqualTo(user);
    }

    @Test
    void aRetryRepeatedWithinTheGraceIsServedAgain() {
        String first = refreshTokens.issue(user);
        refreshTokens.rotate(first);
        refreshTokens.rotate(first);
        clock.add(WITHIN_GRACE);

        String latest = refreshTokens.rotate(first).refreshToken();

        assertThat(refreshTokens.rotate(latest).userId()).isEqualTo(user);
    }

    @Test
    void aTokenPresentedAgainAfterTheGraceEndsTheSignIn() {
        String first = refreshTokens.issue(user);
        String second = refreshTokens.rotate(first).refreshToken();
        clock.add(PAST_GRACE);

        assertRefused(first);

        assertRefused(second);
    }

    @Test
    void aTokenPresentedAgainAfterItsSuccessorWasUsedEndsTheSignIn() {
        String first = refreshTokens.issue(user);
        String second = refreshTokens.rotate(first).refreshToken();
        String third = refreshTokens.rotate(second).refreshToken();
        clock.add(Duration.ofSeconds(1));

        assertRefused(first);

        assertRefused(third);
    }

    @Test
    void theSuccessorReplacedAfterALostReplyPresentedAfterTheGraceEndsTheSignIn() {
        String first = refreshTokens.issue(user);
        String lostInTransit = refreshTokens.rotate(first).refreshToken();
        String fresh = refreshTokens.rotate(first).refreshToken();
        clock.add(PAST_GRACE);

        assertRefused(lostInTransit);

        assertRefused(fresh);
    }

    @Test
    void aSignOutIsNotUndoneByARetryWithinTheGrace() {
        String first = refreshTokens.issue(user);
        String second = refreshTokens.rotate(first).refreshToken();
        refreshTokens.revokeFamilyOf(second);

        assertRefused(first);
    }

    @Test
    void aSignOutDuringAUseRevokesTheSuccessorTheUseHandsOut() throws Exception {
        String first = refreshTokens.issue(user);
        ExecutorService signOuts = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> signOut = new AtomicReference<>();
        try {
            // the use's transaction stays open, its successor inserted and uncommitted, until the sign-out waits for it
            String successor = transactions.execute(status -> {
                String handedOut = refreshTokens.rotate(first).refreshToken();
                Integer using = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
                signOut.set(signOuts.submit(() -> refreshTokens.revokeFamilyOf(first)));
                LockWaits.awaitSessionBlockedBy(jdbc, using);
                return handedOut;
            });
            signOut.get().get(1, TimeUnit.MINUTES);

            assertThat(stored(successor).revokedAt())
                    .as("the token handed out by the use the sign-out waited for")
                    .isNotNull();
            assertRefused(successor);
        } finally {
            signOuts.shutdownNow();
        }
    }

    @Test
    void rotatingDoesNotExtendASignInBeyondItsLifetime() {
        Duration lifetime = properties.jwt().sessionLifetime();
        String token = refreshTokens.issue(user);
        Duration elapsed = Duration.ZERO;
        // refreshed well within each token's 7 days until a day before the sign-in's end
        while (elapsed.plusDays(6).compareTo(lifetime.minusDays(1)) <= 0) {
            clock.add(Duration.ofDays(6));
            elapsed = elapsed.plusDays(6);
            token = refreshTokens.rotate(token).refreshToken();
        }
        clock.add(lifetime.minusDays(1).minus(elapsed));
        token = refreshTokens.rotate(token).refreshToken();
        StoredRefreshToken lastOne = stored(token);
        assertThat(lastOne.expiresAt()).isEqualTo(lastOne.sessionStartedAt().plus(lifetime));

        clock.add(Duration.ofDays(1).plusSeconds(1));

        assertRefused(token);
    }

    private StoredRefreshToken stored(String raw) {
        return repository.findByHash(RefreshTokenService.hash(raw)).orElseThrow();
    }

    private void assertRefused(String raw) {
        assertThatThrownBy(() -> refreshTokens.rotate(raw)).isInstanceOf(InvalidCredentialsException.class);
    }
}

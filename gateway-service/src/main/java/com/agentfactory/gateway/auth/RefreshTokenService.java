package com.agentfactory.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens with rotation: each use revokes the token and hands out a successor in the same family;
 * presenting a spent token again means it leaked, so the whole family is revoked. Except shortly after it was spent
 * while its successor is still unused: then the reply that carried the successor was most likely lost, and the
 * successor is replaced by a fresh token instead, provided the retry comes from the browser the token was handed out to
 * ({@link RefreshCookie}), or the token names no browser. A family lives no longer than the session lifetime from its
 * sign-in, however often it is rotated.
 */
@Service
class RefreshTokenService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RefreshTokenRepository repository;
    private final TransactionTemplate transactions;
    private final AuthProperties.Jwt properties;
    private final Clock clock;

    RefreshTokenService(
            RefreshTokenRepository repository,
            TransactionTemplate transactions,
            AuthProperties properties,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.properties = properties.jwt();
        this.clock = clock;
    }

    /**
     * Starts a new family, at sign-in: its first token, and the browser's refresh cookie to set with it.
     *
     * @param presentedBrowser the value of the {@link RefreshCookie} the request carried; null without one
     */
    Issued issue(UUID userId, String presentedBrowser) {
        String raw = newRawToken();
        String browser = RefreshCookie.keptOrNew(presentedBrowser);
        Instant now = clock.instant();
        repository.insert(newRow(UUID.randomUUID(), userId, UUID.randomUUID(), raw, browser, now, sessionEnd(now)));
        return new Issued(raw, browser);
    }

    /**
     * Spends the presented token; returns the user it belonged to, its successor and the browser's refresh cookie to
     * set with it.
     *
     * @param presentedBrowser the value of the {@link RefreshCookie} the request carried; null without one
     */
    Rotation rotate(String presented, String presentedBrowser) {
        String successor = newRawToken();
        Outcome outcome = transactions.execute(status -> spend(hash(presented), successor, presentedBrowser));
        return switch (outcome) {
            case Rotated(Rotation rotation) -> rotation;
            case Refused() -> throw InvalidCredentialsException.refreshToken();
            case Reused(StoredRefreshToken stored, int revoked, boolean fromAnotherBrowser) -> {
                log.warn(
                        "Revoked refresh token presented again for user {}{}: revoked {} active token(s) of its"
                                + " family {}",
                        stored.userId(),
                        fromAnotherBrowser ? " within the grace, but not from the browser it was handed out to" : "",
                        revoked,
                        stored.familyId());
                throw InvalidCredentialsException.refreshToken();
            }
            case null -> throw new IllegalStateException("the rotation's transaction returned nothing");
        };
    }

    // The family is locked first, as a revocation locks it, so a revocation waits for a use's successor to be
    // committed and revokes it too; a token never changes family, so it is found unlocked. Then the presented token,
    // so two uses of it are decided one after the other; a second use locks the successor after it, in the order every
    // use locks tokens in (family, then older first), so they cannot deadlock.
    private Outcome spend(String presentedHash, String successor, String presentedBrowser) {
        Optional<StoredRefreshToken> found = repository.findByHash(presentedHash);
        if (found.isEmpty()) {
            return new Refused();
        }
        repository.lockFamily(found.get().familyId());
        StoredRefreshToken stored = repository.lockByHash(presentedHash).orElse(null);
        if (stored == null) {
            return new Refused();
        }
        // read once the lock is held: a use that waited for another is timed after it
        Instant now = clock.instant();
        Instant sessionEnd = sessionEnd(stored.sessionStartedAt());
        if (!sessionEnd.isAfter(now)) {
            return new Refused();
        }
        if (stored.revokedAt() == null) {
            if (!stored.expiresAt().isAfter(now)) {
                return new Refused();
            }
            String browser = RefreshCookie.keptOrNew(presentedBrowser);
            UUID successorId = UUID.randomUUID();
            repository.markSpent(stored.id(), successorId, now);
            repository.insert(
                    newRow(successorId, stored.userId(), stored.familyId(), successor, browser, now, sessionEnd));
            return new Rotated(new Rotation(stored.userId(), successor, browser));
        }
        Optional<StoredRefreshToken> unusedSuccessor = retriedSoonEnough(stored, now)
                ? repository.lockById(stored.replacedBy()).filter(next -> next.revokedAt() == null)
                : Optional.empty();
        if (unusedSuccessor.isPresent()
                && (handedOutWithoutCookie(stored)
                        || fromTheSameBrowser(presentedBrowser, stored, unusedSuccessor.get()))) {
            UUID freshId = UUID.randomUUID();
            String browser = RefreshCookie.keptOrNew(presentedBrowser);
            repository.markSpent(unusedSuccessor.get().id(), freshId, now);
            repository.replaceSuccessor(stored.id(), freshId);
            repository.insert(newRow(freshId, stored.userId(), stored.familyId(), successor, browser, now, sessionEnd));
            log.info(
                    "Refresh token of user {} presented again {} ms after its use, before its successor was used:"
                            + " the successor is replaced",
                    stored.userId(),
                    Duration.between(stored.revokedAt(), now).toMillis());
            return new Rotated(new Rotation(stored.userId(), successor, browser));
        }
        return new Reused(stored, repository.revokeFamily(stored.familyId(), now), unusedSuccessor.isPresent());
    }

    // A token handed out before the refresh cookie existed, or by a gateway still without it during a rolling deploy,
    // names no browser to ask for, and its owner holds no cookie of it: its retry gets the grace it had before, or
    // every such lost reply would end a sign-in. The hole lasts only until that sign-in's next refresh by a gateway
    // that sets the cookie, whose token names the browser.
    private static boolean handedOutWithoutCookie(StoredRefreshToken spent) {
        return spent.browserHash() == null;
    }

    // A lost reply may have lost its cookie with it, or only its body after the browser took the cookie from its
    // headers: the browser then holds the cookie handed out with the spent token, or that of its successor.
    private static boolean fromTheSameBrowser(
            String presentedBrowser, StoredRefreshToken spent, StoredRefreshToken unusedSuccessor) {
        if (presentedBrowser == null) {
            return false;
        }
        byte[] presented = hash(presentedBrowser).getBytes(StandardCharsets.US_ASCII);
        return matches(presented, spent.browserHash()) || matches(presented, unusedSuccessor.browserHash());
    }

    private static boolean matches(byte[] presentedHash, String storedHash) {
        return storedHash != null
                && MessageDigest.isEqual(presentedHash, storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean retriedSoonEnough(StoredRefreshToken spent, Instant now) {
        return spent.replacedBy() != null && now.isBefore(spent.revokedAt().plus(properties.refreshReuseGrace()));
    }

    private Instant sessionEnd(Instant sessionStartedAt) {
        return sessionStartedAt.plus(properties.sessionLifetime());
    }

    /**
     * Ends the sign-in the presented token belongs to: every token of its family is revoked, the one handed out last
     * included, whether the presented one is current, spent or expired. An unknown token changes nothing.
     */
    void revokeFamilyOf(String presented) {
        repository.findByHash(hash(presented)).ifPresent(stored -> {
            Integer revoked = transactions.execute(status -> {
                repository.lockFamily(stored.familyId());
                return repository.revokeFamily(stored.familyId(), clock.instant());
            });
            log.info(
                    "Signed out user {}: revoked {} active token(s) of family {}",
                    stored.userId(),
                    revoked,
                    stored.familyId());
        });
    }

    // a token outlives neither its own time to live nor its sign-in
    private StoredRefreshToken newRow(
            UUID id, UUID userId, UUID familyId, String raw, String browser, Instant now, Instant sessionEnd) {
        Instant expiresAt = now.plus(properties.refreshTokenTtl());
        return new StoredRefreshToken(
                id,
                userId,
                familyId,
                hash(raw),
                expiresAt.isBefore(sessionEnd) ? expiresAt : sessionEnd,
                now,
                null,
                null,
                null,
                hash(browser));
    }

    private static String newRawToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // 256 random bits (a token's, a refresh cookie's) need no salt or slow hash: SHA-256 is enough to make the stored
    // value useless to a thief.
    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    long refreshTtlSeconds() {
        return properties.refreshTokenTtl().toSeconds();
    }

    /** As long as a sign-in lasts: no token of it needs the cookie for longer. */
    Duration refreshCookieLifetime() {
        return properties.sessionLifetime();
    }

    /** @param browserCookie the value of the {@link RefreshCookie} to set in the reply that hands the token out */
    record Issued(String refreshToken, String browserCookie) {}

    /** @param browserCookie the value of the {@link RefreshCookie} to set in the reply that hands the token out */
    record Rotation(UUID userId, String refreshToken, String browserCookie) {}

    private sealed interface Outcome {}

    private record Rotated(Rotation rotation) implements Outcome {}

    private record Refused() implements Outcome {}

    /** @param fromAnotherBrowser taken for a retry after a lost reply, but for the missing or wrong cookie */
    private record Reused(StoredRefreshToken token, int revoked, boolean fromAnotherBrowser) implements Outcome {}
}

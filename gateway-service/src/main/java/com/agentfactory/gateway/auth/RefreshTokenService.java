package com.agentfactory.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opaque refresh tokens with rotation: each use revokes the token and hands out a successor in the same family;
 * presenting a revoked token means it leaked, so the whole family is revoked.
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

    /** Starts a new family, at sign-in. */
    String issue(UUID userId) {
        String raw = newRawToken();
        repository.insert(newRow(UUID.randomUUID(), userId, UUID.randomUUID(), raw));
        return raw;
    }

    /** Spends the presented token; returns the user it belonged to and its successor. */
    Rotation rotate(String presented) {
        StoredRefreshToken stored =
                repository.findByHash(hash(presented)).orElseThrow(InvalidCredentialsException::refreshToken);
        Instant now = clock.instant();
        if (stored.revokedAt() != null) {
            revokeFamilyAfterReuse(stored, now);
            throw InvalidCredentialsException.refreshToken();
        }
        if (!stored.expiresAt().isAfter(now)) {
            throw InvalidCredentialsException.refreshToken();
        }
        String successor = newRawToken();
        UUID successorId = UUID.randomUUID();
        Boolean rotated = transactions.execute(status -> {
            if (!repository.revokeIfActive(stored.id(), successorId, now)) {
                return false;
            }
            repository.insert(newRow(successorId, stored.userId(), stored.familyId(), successor));
            return true;
        });
        if (!Boolean.TRUE.equals(rotated)) {
            // lost a race with another use of the same token: that is reuse too
            revokeFamilyAfterReuse(stored, now);
            throw InvalidCredentialsException.refreshToken();
        }
        return new Rotation(stored.userId(), successor);
    }

    /**
     * Ends the sign-in the presented token belongs to: every token of its family is revoked, the one handed out last
     * included, whether the presented one is current, spent or expired. An unknown token changes nothing.
     */
    void revokeFamilyOf(String presented) {
        repository.findByHash(hash(presented)).ifPresent(stored -> {
            int revoked = repository.revokeFamily(stored.familyId(), clock.instant());
            log.info(
                    "Signed out user {}: revoked {} active token(s) of family {}",
                    stored.userId(),
                    revoked,
                    stored.familyId());
        });
    }

    private void revokeFamilyAfterReuse(StoredRefreshToken stored, Instant now) {
        int revoked = repository.revokeFamily(stored.familyId(), now);
        log.warn(
                "Revoked refresh token presented again for user {}: revoked {} active token(s) of its family {}",
                stored.userId(),
                revoked,
                stored.familyId());
    }

    private StoredRefreshToken newRow(UUID id, UUID userId, UUID familyId, String raw) {
        Instant now = clock.instant();
        return new StoredRefreshToken(
                id, userId, familyId, hash(raw), now.plus(properties.refreshTokenTtl()), now, null);
    }

    private static String newRawToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // 256 random bits need no salt or slow hash: SHA-256 is enough to make the stored value useless to a thief.
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

    record Rotation(UUID userId, String refreshToken) {}
}

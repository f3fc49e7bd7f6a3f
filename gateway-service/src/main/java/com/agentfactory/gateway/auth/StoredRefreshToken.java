package com.agentfactory.gateway.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * @param sessionStartedAt when the sign-in that began the token's family happened
 * @param replacedBy the token last handed out in exchange for this one; null while unused, and for a token revoked
 *     by a sign-out or after theft
 * @param browserHash the hash of the {@link RefreshCookie} set in the reply that handed the token out; null for a token
 *     handed out before the cookie existed
 */
record StoredRefreshToken(
        UUID id,
        UUID userId,
        UUID familyId,
        String tokenHash,
        Instant expiresAt,
        Instant createdAt,
        Instant revokedAt,
        UUID replacedBy,
        Instant sessionStartedAt,
        String browserHash) {}

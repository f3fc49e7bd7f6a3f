package com.agentfactory.gateway.auth;

import java.time.Instant;
import java.util.UUID;

record StoredRefreshToken(
        UUID id,
        UUID userId,
        UUID familyId,
        String tokenHash,
        Instant expiresAt,
        Instant createdAt,
        Instant revokedAt) {}

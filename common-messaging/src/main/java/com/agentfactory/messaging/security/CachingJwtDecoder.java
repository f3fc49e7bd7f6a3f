package com.agentfactory.messaging.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens it has verified until they expire, so a caller that sends the same bearer token on every
 * request has its signature and claims checked once (decoding and verifying was the largest single share of the
 * supervisor's CPU per task in a profile, docs/benchmarks.md). Tokens are stateless, with no revocation list, so
 * the cache changes no decision: an entry never outlives its token, and tokens that fail are not remembered.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder delegate, long maximumSize, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> timeLeft(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && timeLeft(known).isPositive()) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null && timeLeft(jwt).isPositive()) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Duration timeLeft(Jwt jwt) {
        return jwt.getExpiresAt() == null ? Duration.ZERO : Duration.between(clock.instant(), jwt.getExpiresAt());
    }
}

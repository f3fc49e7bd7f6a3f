package com.agentfactory.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param anonymous bucket per client IP, for callers without a token
 * @param user bucket per authenticated subject (user id or service client id)
 * @param ip bucket per client IP that authenticated callers share as well, so many accounts behind one address
 *     cannot multiply their allowance
 * @param appFiles bucket per client IP for the GETs of the app's page and bundles, which charge no other bucket: a
 *     page load fetches a dozen at once and an office or a carrier's NAT puts many people behind one address, so it is
 *     far larger than {@code anonymous}; but a flood of them still costs the gateway and is refused
 * @param redisTimeout how long to wait for Redis before letting the request through
 * @param lease how many tokens one gateway instance may take from Redis at once for a busy caller
 */
@ConfigurationProperties("agentfactory.rate-limit")
@Validated
record RateLimitProperties(
        boolean enabled,
        @NotBlank String keyPrefix,
        @Valid @NotNull Bucket anonymous,
        @Valid @NotNull Bucket user,
        @Valid @NotNull Bucket ip,
        @Valid @NotNull Bucket appFiles,
        @NotNull Duration redisTimeout,
        @Valid @NotNull Lease lease) {

    /**
     * @param capacity burst size
     * @param refillPerSecond sustained rate
     */
    record Bucket(@Positive int capacity, @Positive double refillPerSecond) {}

    /**
     * @param maxTokens the most tokens one lease holds (1: every request asks Redis); a lease never holds more than a
     *     twentieth of a bucket's capacity either
     * @param timeToLive how long leased tokens may be spent before the rest are dropped
     */
    record Lease(@Positive int maxTokens, @NotNull Duration timeToLive) {}
}

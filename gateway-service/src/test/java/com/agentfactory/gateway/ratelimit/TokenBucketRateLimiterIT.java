package com.agentfactory.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Grant;
import com.agentfactory.gateway.ratelimit.TokenBucketRateLimiter.Limit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Lua token buckets against the real Redis. */
class TokenBucketRateLimiterIT {

    private static final RateLimitProperties.Bucket ROOMY = new RateLimitProperties.Bucket(10, 0.001);
    private static final RateLimitProperties.Bucket ONE = new RateLimitProperties.Bucket(1, 0.001);

    private static TestRedis redis;
    private static TokenBucketRateLimiter limiter;

    @BeforeAll
    static void connect() {
        redis = new TestRedis();
        limiter = redis.limiter;
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @Test
    void reportsTheTokensLeftInTheEmptiestBucket() {
        String prefix = "{limiter-it-" + UUID.randomUUID() + "}";

        RateLimitDecision decision = consume(List.of(new Limit(prefix + ":a", ROOMY), new Limit(prefix + ":b", ONE)));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.remaining()).isZero();
    }

    @Test
    void refusedRequestTakesNoTokenFromTheBucketsThatHadOne() {
        String prefix = "{limiter-it-" + UUID.randomUUID() + "}";
        Limit user = new Limit(prefix + ":user", ONE);
        Limit sharedAddress = new Limit(prefix + ":ip", ONE);
        consume(List.of(new Limit(prefix + ":other-user", ROOMY), sharedAddress));

        RateLimitDecision refused = consume(List.of(user, sharedAddress));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isPositive();
        assertThat(consume(List.of(user)).allowed())
                .as("the user's own bucket kept its token")
                .isTrue();
    }

    @Test
    void grantsNoMoreTokensThanTheEmptiestBucketHolds() {
        String prefix = "{limiter-it-" + UUID.randomUUID() + "}";
        Limit roomy = new Limit(prefix + ":roomy", ROOMY);
        Limit three = new Limit(prefix + ":three", new RateLimitProperties.Bucket(3, 0.001));

        Grant grant = limiter.take(List.of(roomy, three), 5).block(Duration.ofSeconds(10));

        assertThat(grant.tokens()).isEqualTo(3);
        assertThat(grant.remaining()).isZero();
        assertThat(limiter.take(List.of(roomy), 10)
                        .block(Duration.ofSeconds(10))
                        .tokens())
                .as("the roomy bucket gave the same three, no more")
                .isEqualTo(7);
    }

    private static RateLimitDecision consume(List<Limit> limits) {
        Grant grant = limiter.take(limits, 1).block(Duration.ofSeconds(10));
        return new RateLimitDecision(grant.tokens() == 1, grant.remaining(), grant.retryAfterSeconds());
    }
}

package com.agentfactory.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/** One atomic Lua call per request, so concurrent gateway instances share each bucket exactly. */
class TokenBucketRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketRateLimiter.class);

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> SCRIPT =
            (RedisScript) RedisScript.of(new ClassPathResource("ratelimit/token_bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    TokenBucketRateLimiter(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    Mono<RateLimitDecision> consume(String key, RateLimitProperties.Bucket bucket) {
        // hash tag keeps both keys in one Redis Cluster slot, as a multi-key script requires
        List<String> keys = List.of("{" + key + "}.tokens", "{" + key + "}.timestamp");
        List<String> args = List.of(Double.toString(bucket.refillPerSecond()), Integer.toString(bucket.capacity()));
        return redis.execute(SCRIPT, keys, args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(result -> new RateLimitDecision(result.get(0) == 1L, result.get(1), result.get(2)))
                .timeout(timeout)
                // Fail open: an unreachable Redis must not take the whole API down with it. The cost is that
                // limits are not enforced until Redis is back, which the warning makes visible.
                .onErrorResume(error -> {
                    log.warn("Rate limiting skipped, Redis unavailable: {}", error.toString());
                    return Mono.just(RateLimitDecision.UNKNOWN_ALLOWED);
                });
    }
}

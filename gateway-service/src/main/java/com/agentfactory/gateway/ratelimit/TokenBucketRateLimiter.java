package com.agentfactory.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One atomic Lua call for all of a request's buckets, so concurrent gateway instances share each bucket exactly: a
 * token is only ever spent once it has been taken from Redis. {@link TokenLeases} asks for several at a time for a
 * busy caller.
 */
class TokenBucketRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(TokenBucketRateLimiter.class);

    // Loaded as text once: a script backed by a classpath resource re-checks the resource's modification time on
    // every call, which inside a jar costs a jar URL connection per request.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(scriptText(), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;

    TokenBucketRateLimiter(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /**
     * Takes up to {@code wanted} tokens from every bucket, the same number from each, or none when any of them is
     * empty.
     */
    Mono<Grant> take(List<Limit> limits, int wanted) {
        List<String> keys = limits.stream().map(Limit::key).toList();
        List<String> args = new ArrayList<>(limits.size() * 2 + 1);
        for (Limit limit : limits) {
            args.add(Double.toString(limit.bucket().refillPerSecond()));
            args.add(Integer.toString(limit.bucket().capacity()));
        }
        args.add(Integer.toString(wanted));
        return redis.execute(SCRIPT, keys, args)
                .reduce(new ArrayList<Long>(), (all, part) -> {
                    all.addAll(part);
                    return all;
                })
                .map(result -> new Grant(Math.toIntExact(result.get(0)), result.get(1), result.get(2)))
                .timeout(timeout)
                // Fail open: an unreachable Redis must not take the whole API down with it. The cost is that
                // limits are not enforced until Redis is back, which the warning makes visible.
                .onErrorResume(error -> {
                    log.warn("Rate limiting skipped, Redis unavailable: {}", error.toString());
                    return Mono.just(Grant.UNKNOWN);
                })
                // Lettuce answers on its single event-loop thread per connection; without this hop the rest of
                // every request (security, routing, the proxied call) would run on that one thread.
                .publishOn(Schedulers.parallel());
    }

    private static String scriptText() {
        try {
            return new ClassPathResource("ratelimit/token_bucket.lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("rate-limit script missing from the classpath", e);
        }
    }

    /**
     * One bucket to take a token from.
     *
     * @param key the bucket's Redis key; all keys of one call must live in one Redis Cluster slot, which the filter
     *     ensures with a shared hash tag
     */
    record Limit(String key, RateLimitProperties.Bucket bucket) {}

    /**
     * What Redis granted.
     *
     * @param tokens tokens taken from every bucket: 0 when refused, -1 when unknown because Redis did not answer
     * @param remaining tokens left in the emptiest bucket after the grant, or -1 when unknown
     * @param retryAfterSeconds when refused, how long until every bucket has a token again
     */
    record Grant(int tokens, long remaining, long retryAfterSeconds) {

        static final Grant UNKNOWN = new Grant(-1, -1, 0);

        boolean unknown() {
            return tokens < 0;
        }
    }
}

package com.agentfactory.recommendation.surface;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists in Redis, one hash per user or product with a field per model version and list length, so one
 * delete drops everything derived from a user's behaviour. Each hash has a generation, which a clearing
 * replaces: a list is stored only under the generation read before it was computed, so a list computed from
 * the behaviour before a change (or an erasure) cannot be written back after the change cleared the hash.
 * Redis being away only costs speed: every failure is logged and treated as a miss, except an erased customer's
 * clearing ({@link #clearOrFail}), which is tried again until it succeeds.
 */
@Component
class RecommendationCache {

    private static final Logger log = LoggerFactory.getLogger(RecommendationCache.class);

    // KEYS: the hash, its generation; ARGV: the generation read before computing, field, list, lifetime in seconds
    private static final RedisScript<Long> PUT = RedisScript.of("""
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then
                return 0
            end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            if redis.call('TTL', KEYS[1]) < 0 then
                redis.call('EXPIRE', KEYS[1], ARGV[4])
            end
            return 1
            """, Long.class);

    // KEYS: the hash, its generation; ARGV: the new generation, its lifetime in seconds
    private static final RedisScript<Long> CLEAR = RedisScript.of("""
            redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RecommendationCache(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String userKey(UUID userId) {
        return "recommendation:user:" + userId;
    }

    static String similarKey(UUID productId) {
        return "recommendation:similar:" + productId;
    }

    /** Lists of a set of products asked for without a user: a cart of a guest. */
    static String itemsKey(String itemsHash) {
        return "recommendation:items:" + itemsHash;
    }

    private static String generationKey(String key) {
        return key + ":generation";
    }

    <T> Optional<T> get(String key, String field, Class<T> type) {
        try {
            Object cached = redis.opsForHash().get(key, field);
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached.toString(), type));
        } catch (RuntimeException e) {
            log.warn("Recommendation cache read of {} failed: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The hash's generation now, to be read before what a list is computed from; empty when Redis cannot say, and
     * then the list is not stored.
     */
    Optional<String> generation(String key) {
        try {
            String generation = redis.opsForValue().get(generationKey(key));
            return Optional.of(generation == null ? "0" : generation);
        } catch (RuntimeException e) {
            log.warn("Recommendation cache generation read of {} failed: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores a list computed under {@code generation}, unless the hash was cleared since; the hash expires {@code
     * ttl} after its first field, so no list outlives it.
     */
    void put(String key, String generation, String field, Object value, Duration ttl) {
        try {
            redis.execute(
                    PUT,
                    List.of(key, generationKey(key)),
                    generation,
                    field,
                    json.writeValueAsString(value),
                    Long.toString(ttl.toSeconds()));
        } catch (RuntimeException e) {
            log.warn("Recommendation cache write of {} failed: {}", key, e.getMessage());
        }
    }

    /**
     * Drops the hash and gives it a new generation, a random token, which lives as long as a list would. A counter
     * would start again once it expired, so a computation that read a value before the expiry could see it come round
     * after a later clearing and store the lists from before it; a token never comes round.
     */
    void clear(String key, Duration ttl) {
        try {
            clearOrFail(key, ttl);
        } catch (RuntimeException e) {
            log.warn("Recommendation cache eviction of {} failed: {}", key, e.getMessage());
        }
    }

    /**
     * Clears as {@link #clear} does, throwing what Redis failed with: for an erased customer, whose lists are dropped
     * again until Redis answers ({@link ErasedCustomerLists}).
     */
    void clearOrFail(String key, Duration ttl) {
        redis.execute(
                CLEAR, List.of(key, generationKey(key)), UUID.randomUUID().toString(), Long.toString(ttl.toSeconds()));
    }
}

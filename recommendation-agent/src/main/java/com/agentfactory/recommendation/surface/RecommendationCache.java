package com.agentfactory.recommendation.surface;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists in Redis, one hash per user or product with a field per model version and list length, so one
 * delete drops everything derived from a user's behaviour. Redis being away only costs speed: every
 * failure is logged and treated as a miss.
 */
@Component
class RecommendationCache {

    private static final Logger log = LoggerFactory.getLogger(RecommendationCache.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RecommendationCache(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    static String userKey(java.util.UUID userId) {
        return "recommendation:user:" + userId;
    }

    static String similarKey(java.util.UUID productId) {
        return "recommendation:similar:" + productId;
    }

    /** Lists of a set of products asked for without a user: a cart of a guest. */
    static String itemsKey(String itemsHash) {
        return "recommendation:items:" + itemsHash;
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

    /** Stores a list; the hash expires {@code ttl} after its first field, so no list outlives it. */
    void put(String key, String field, Object value, Duration ttl) {
        try {
            redis.opsForHash().put(key, field, json.writeValueAsString(value));
            Long remaining = redis.getExpire(key);
            if (remaining == null || remaining < 0) {
                redis.expire(key, ttl);
            }
        } catch (RuntimeException e) {
            log.warn("Recommendation cache write of {} failed: {}", key, e.getMessage());
        }
    }

    void evict(String key) {
        try {
            redis.delete(key);
        } catch (RuntimeException e) {
            log.warn("Recommendation cache eviction of {} failed: {}", key, e.getMessage());
        }
    }
}

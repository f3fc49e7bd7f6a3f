package com.agentfactory.recommendation.surface;

import com.agentfactory.messaging.client.ServiceCalls;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists in Redis, one hash per user or product with a field per model version and list length, so one
 * delete drops everything derived from a user's behaviour. Each hash has a generation, which a clearing
 * replaces: a list is stored only under the generation read before it was computed, so a list computed from
 * the behaviour before a change (or an erasure) cannot be written back after the change cleared the hash.
 *
 * <p>The catalog has a generation too, which a change of a product's listing (its name, category, price, currency or
 * margin, or a new product) replaces: every field names the catalog generation its list was computed under, and is
 * read only under the current one, so no list shows a product's former price nor ranks by its former margin. One key
 * stands for the whole catalog, as which lists a product's change reaches (an upsell it now qualifies for, a list it
 * was left out of) cannot be told from the lists; such changes are far rarer than lists served.
 *
 * <p>Redis being away costs speed, not correctness. A failed read is a miss and a failed write is skipped. A clearing
 * that fails is recorded and tried again every {@code list-cache.clear-retry-interval} until Redis answers; until then
 * this instance neither serves nor stores a list of that hash, as what it holds predates the change. Once Redis keeps
 * failing, it is left alone for {@code list-cache.pause-after-failures} (a circuit breaker): lists are computed and
 * clearings recorded without waiting for a timeout each, so the events' intake, which clears after each commit, keeps
 * its pace. An erased customer's clearing ({@link #clearOrFail}) is recorded and retried by {@link
 * ErasedCustomerLists} instead.
 *
 * <p>What is left: the failed clearings are held in memory, so an instance stopped before Redis answered again leaves
 * the hashes they were to drop for another instance to serve until they expire, and another instance that reaches
 * Redis serves them until this one's retry has dropped them.
 */
@Component
class RecommendationCache implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RecommendationCache.class);

    /** The catalog's generation. */
    static final String CATALOG = "recommendation:catalog";

    // KEYS: the hash, its generation, the catalog's; ARGV: the field without the catalog's generation.
    // Returns the catalog's generation, the hash's and the list cached under both, if any.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LOOKUP = RedisScript.of("""
            local catalog = redis.call('GET', KEYS[3]) or '0'
            local generation = redis.call('GET', KEYS[2]) or '0'
            return {catalog, generation, redis.call('HGET', KEYS[1], ARGV[1] .. ':' .. catalog)}
            """, List.class);

    // KEYS: the hash, its generation, the catalog's; ARGV: the generations read before computing (the hash's, the
    // catalog's), the field without the catalog's generation, list, lifetime in seconds
    private static final RedisScript<Long> PUT = RedisScript.of("""
            if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] or (redis.call('GET', KEYS[3]) or '0') ~= ARGV[2] then
                return 0
            end
            redis.call('HSET', KEYS[1], ARGV[3] .. ':' .. ARGV[2], ARGV[4])
            if redis.call('TTL', KEYS[1]) < 0 then
                redis.call('EXPIRE', KEYS[1], ARGV[5])
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
    private final ListCacheProperties properties;
    private final CircuitBreaker redisCalls;
    // each hash whose clearing failed (and the catalog, should a change of its generation have failed), with the
    // latest failure: one recorded while a retry runs outlives its success
    private final Map<String, FailedClear> failedClears = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    RecommendationCache(StringRedisTemplate redis, JsonMapper json, ListCacheProperties properties) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.redisCalls =
                ServiceCalls.circuitBreaker("recommendation-cache", properties.pauseAfterFailures(), e -> true);
        this.redisCalls
                .getEventPublisher()
                .onStateTransition(event -> log.warn(
                        "Recommendation cache: Redis calls {}",
                        switch (event.getStateTransition().getToState()) {
                            case OPEN -> "paused for " + properties.pauseAfterFailures() + " after failures";
                            case HALF_OPEN -> "tried again";
                            default -> "resumed";
                        }));
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

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::retryFailedClears, properties.clearRetryInterval());
    }

    /**
     * The list cached in the hash's field under the current catalog, and the generations now, which are to be read
     * before what a list is computed from; empty when Redis cannot say or a clearing it failed leaves the hash's lists
     * unusable here, and then the list is computed and not stored.
     */
    <T> Optional<Lookup<T>> lookup(String key, String field, Class<T> type) {
        if (unusable(key)) {
            return Optional.empty();
        }
        try {
            List<?> found = call(() -> redis.execute(LOOKUP, List.of(key, generationKey(key), CATALOG), field));
            Object cached = found.get(2);
            return Optional.of(new Lookup<>(
                    cached == null ? Optional.empty() : Optional.of(json.readValue(cached.toString(), type)),
                    found.get(1).toString(),
                    found.get(0).toString()));
        } catch (RuntimeException e) {
            logFailure("read of " + key, e);
            return Optional.empty();
        }
    }

    /**
     * Stores a list computed after {@code lookup}, unless the hash or the catalog changed since; the hash expires
     * {@code ttl} after its first field, so no list outlives it.
     */
    void put(String key, Lookup<?> lookup, String field, Object value, Duration ttl) {
        if (unusable(key)) {
            return;
        }
        try {
            String list = json.writeValueAsString(value);
            call(() -> redis.execute(
                    PUT,
                    List.of(key, generationKey(key), CATALOG),
                    lookup.generation(),
                    lookup.catalog(),
                    field,
                    list,
                    Long.toString(ttl.toSeconds())));
        } catch (RuntimeException e) {
            logFailure("write of " + key, e);
        }
    }

    /**
     * Leaves every list computed before unserved, as a product's listing changed; should Redis fail, the change is
     * tried again until it answers, and no list is served here meanwhile.
     */
    void changeCatalog() {
        try {
            changeCatalogOrFail();
        } catch (RuntimeException e) {
            failedClears.put(CATALOG, new FailedClear(Duration.ZERO, failures.incrementAndGet()));
            logFailure("change of the catalog's generation", e);
        }
    }

    private void changeCatalogOrFail() {
        FailedClear before = failedClears.get(CATALOG);
        call(() -> {
            redis.opsForValue().set(CATALOG, UUID.randomUUID().toString());
            return null;
        });
        if (before != null) {
            failedClears.remove(CATALOG, before);
        }
    }

    // what a clearing Redis failed was to drop is still there
    private boolean unusable(String key) {
        return failedClears.containsKey(key) || failedClears.containsKey(CATALOG);
    }

    /**
     * Drops the hash and gives it a new generation, a random token, which lives as long as a list would. A counter
     * would start again once it expired, so a computation that read a value before the expiry could see it come round
     * after a later clearing and store the lists from before it; a token never comes round. Should Redis fail, the
     * clearing is tried again until it answers, and the hash is not served here meanwhile.
     */
    void clear(String key, Duration ttl) {
        try {
            clearOrFail(key, ttl);
        } catch (RuntimeException e) {
            failedClears.put(key, new FailedClear(ttl, failures.incrementAndGet()));
            logFailure("eviction of " + key, e);
        }
    }

    /**
     * Clears as {@link #clear} does, throwing what Redis failed with (or that Redis is left alone for now) and
     * recording nothing: for an erased customer, whose lists are dropped again until Redis answers ({@link
     * ErasedCustomerLists}).
     */
    void clearOrFail(String key, Duration ttl) {
        FailedClear before = failedClears.get(key);
        call(() -> redis.execute(
                CLEAR, List.of(key, generationKey(key)), UUID.randomUUID().toString(), Long.toString(ttl.toSeconds())));
        if (before != null) {
            failedClears.remove(key, before);
        }
    }

    /**
     * Tries the clearings Redis failed again, up to a batch, until one fails; returns how many succeeded.
     */
    int retryFailedClears() {
        int cleared = 0;
        for (Map.Entry<String, FailedClear> failed : failedClears.entrySet()) {
            if (cleared == properties.clearRetryBatchSize()) {
                break;
            }
            try {
                if (failed.getKey().equals(CATALOG)) {
                    changeCatalogOrFail();
                } else {
                    clearOrFail(failed.getKey(), failed.getValue().ttl());
                }
            } catch (RuntimeException e) {
                // still away: the next retry comes soon enough, and each key tried now would wait its own timeout
                break;
            }
            cleared++;
        }
        if (cleared > 0) {
            log.info("Recommendation cache: dropped {} list hash(es) whose clearing Redis had failed", cleared);
        }
        return cleared;
    }

    private <T> T call(Supplier<T> redisCall) {
        return redisCalls.executeSupplier(redisCall);
    }

    private static void logFailure(String what, RuntimeException e) {
        if (e instanceof CallNotPermittedException) {
            // Redis is left alone for now, which the breaker's opening has logged once
            log.debug("Recommendation cache {} skipped: Redis calls are paused", what);
        } else {
            log.warn("Recommendation cache {} failed: {}", what, e.getMessage());
        }
    }

    /**
     * What a lookup found: the list cached, if any, and the generations a list computed after it is to be stored
     * under.
     */
    record Lookup<T>(Optional<T> cached, String generation, String catalog) {}

    /** A clearing Redis failed, with its hash's lifetime; {@code failure} tells one failure of the hash from another. */
    private record FailedClear(Duration ttl, long failure) {}
}

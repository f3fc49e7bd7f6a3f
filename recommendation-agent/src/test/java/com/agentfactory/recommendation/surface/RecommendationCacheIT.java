package com.agentfactory.recommendation.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class RecommendationCacheIT extends RecommendationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RecommendationCache cache;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void refusesAListComputedBeforeAClearingThoughTheGenerationItReadHasExpiredSince() {
        String key = RecommendationCache.userKey(UUID.randomUUID());
        clearOnceRedisAnswers(key, Duration.ofSeconds(1));
        String readBeforeComputing = await().atMost(WAIT)
                .until(() -> cache.generation(key), Optional::isPresent)
                .orElseThrow();
        await().atMost(WAIT).ignoreExceptions().until(() -> !redis.hasKey(key + ":generation"));

        // the customer's behaviour changes while the list is computed
        clearOnceRedisAnswers(key, Duration.ofHours(1));
        cache.put(key, readBeforeComputing, "for_you", List.of("computed before the change"), Duration.ofHours(1));

        assertThat(redis.opsForHash().get(key, "for_you")).isNull();
    }

    /** Clears the key, again should Redis not answer in time (a first connection on a busy machine may not). */
    private void clearOnceRedisAnswers(String key, Duration ttl) {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            cache.clearOrFail(key, ttl);
            return true;
        });
    }
}

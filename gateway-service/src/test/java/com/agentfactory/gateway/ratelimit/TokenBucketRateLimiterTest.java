package com.agentfactory.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.FreePorts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

class TokenBucketRateLimiterTest {

    @Test
    void letsRequestsThroughWhenRedisIsUnreachable() throws IOException {
        LettuceConnectionFactory unreachable =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", FreePorts.find()));
        unreachable.afterPropertiesSet();
        unreachable.start();
        try {
            TokenBucketRateLimiter limiter =
                    new TokenBucketRateLimiter(new ReactiveStringRedisTemplate(unreachable), Duration.ofMillis(300));

            TokenLeases leases = new TokenLeases(
                    limiter, new RateLimitProperties.Lease(32, Duration.ofMillis(250)), System::nanoTime);

            RateLimitDecision decision = leases.consume(List.of(
                            new TokenBucketRateLimiter.Limit("test:ip:10.0.0.1", new RateLimitProperties.Bucket(1, 1))))
                    .block(Duration.ofSeconds(10));

            assertThat(decision).isNotNull();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(-1);
        } finally {
            unreachable.destroy();
        }
    }
}

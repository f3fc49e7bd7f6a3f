package com.agentfactory.gateway.ratelimit;

import com.agentfactory.infra.LocalInfrastructure;
import java.net.URI;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The shared test Redis for the limiter's tests that need no application context; close it after the class. */
final class TestRedis implements AutoCloseable {

    final LettuceConnectionFactory connections;
    final TokenBucketRateLimiter limiter;

    TestRedis() {
        URI redis = URI.create(LocalInfrastructure.shared().redisUrl());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.getHost(), redis.getPort()));
        connections.afterPropertiesSet();
        connections.start();
        limiter = new TokenBucketRateLimiter(new ReactiveStringRedisTemplate(connections), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        connections.destroy();
    }
}

package com.agentfactory.gateway.ratelimit;

import com.agentfactory.gateway.error.ProblemDetailWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    TokenBucketRateLimiter tokenBucketRateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties) {
        return new TokenBucketRateLimiter(redis, properties.redisTimeout());
    }

    @Bean
    TokenLeases tokenLeases(TokenBucketRateLimiter limiter, RateLimitProperties properties) {
        return new TokenLeases(limiter, properties.lease(), System::nanoTime);
    }

    // Exposed under its own type, not as a WebFilter, so only the security chain runs it.
    @Bean
    RateLimitFilterHolder rateLimitFilterHolder(
            TokenLeases leases, RateLimitProperties properties, ProblemDetailWriter writer) {
        return new RateLimitFilterHolder(new RateLimitWebFilter(leases, properties, writer));
    }
}

package com.agentfactory.recommendation.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis client of its own that finds nothing listening, as when Redis is down or cut off; it counts the connections
 * asked of it, one per call a Redis template makes.
 */
public final class UnreachableRedis extends LettuceConnectionFactory {

    private final AtomicInteger connectionsAsked = new AtomicInteger();

    private UnreachableRedis(int port) {
        super(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
    }

    /** Started, on a port just found free. */
    public static UnreachableRedis started() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var factory = new UnreachableRedis(port);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @Override
    public RedisConnection getConnection() {
        connectionsAsked.incrementAndGet();
        return super.getConnection();
    }

    /** How many Redis calls were tried through it. */
    public int connectionsAsked() {
        return connectionsAsked.get();
    }
}

package com.agentfactory.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis server from the embedded-redis binaries, bound to loopback. */
final class LocalRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private LocalRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalRedis start(Path workDirectory, int port) throws IOException {
        Files.createDirectories(workDirectory);
        int effectivePort = port > 0 ? port : FreePorts.find();
        RedisServer server = RedisServer.newRedisServer()
                .port(effectivePort)
                .bind("127.0.0.1")
                .setting("dir " + workDirectory.toAbsolutePath())
                .setting("maxmemory 128mb")
                .setting("maxmemory-policy allkeys-lru")
                .setting("appendonly no")
                // stopped by whoever started the infrastructure, after the applications using it (see LocalPostgres)
                .onShutdownForceStop(false)
                .build();
        server.start();
        return new LocalRedis(server, effectivePort);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}

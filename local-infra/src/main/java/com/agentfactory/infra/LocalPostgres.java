package com.agentfactory.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A real PostgreSQL 17 server from the zonky binaries, with the platform's database and role. */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static LocalPostgres start(Path dataDirectory, boolean cleanData, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(cleanData)
                // zonky turns these off for speed; the platform promises durability, so they stay on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres server = builder.start();
        if (cleanData || !existing) {
            createDatabase(server);
        }
        return new LocalPostgres(server, dataDirectory);
    }

    private static void createDatabase(EmbeddedPostgres server) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + InfrastructureSettings.USER + "'");
            if (!exists.next()) {
                statement.execute("CREATE ROLE " + InfrastructureSettings.USER + " LOGIN PASSWORD '"
                        + InfrastructureSettings.USER + "'");
            }
            var dbExists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + InfrastructureSettings.DATABASE + "'");
            if (!dbExists.next()) {
                statement.execute(
                        "CREATE DATABASE " + InfrastructureSettings.DATABASE + " OWNER " + InfrastructureSettings.USER);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the platform database", e);
        }
    }

    /**
     * The server's process id, from the first line of {@code postmaster.pid}: the server runs under another user
     * and detached from this JVM, so it is not among this JVM's child processes.
     */
    java.util.OptionalLong serverPid() {
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .getFirst()
                    .strip();
            return java.util.OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + InfrastructureSettings.DATABASE;
    }

    /** Waits until a login as the platform's role succeeds. */
    void verify() throws SQLException {
        try (Connection ignored =
                DriverManager.getConnection(jdbcUrl(), InfrastructureSettings.USER, InfrastructureSettings.USER)) {
            // connected
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

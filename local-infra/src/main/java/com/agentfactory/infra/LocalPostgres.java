package com.agentfactory.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A real PostgreSQL 17 server from the zonky binaries, with the platform's database and role. */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static LocalPostgres start(Path dataDirectory, boolean cleanData, int port) throws IOException {
        // "clean" means start from empty data, as for Kafka: zonky's own flag would run initdb over the old files
        // (which fails) and delete the data when the server stops
        if (cleanData) {
            FileTrees.deleteRecursively(dataDirectory);
        }
        Files.createDirectories(dataDirectory);
        boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky turns these off for speed; the platform promises durability, so they stay on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // stopped by whoever started the infrastructure, after the applications using it: a hook of its own
                // would stop it at the JVM's exit while they are still closing
                .setRegisterShutdownHook(false);
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

    /**
     * Stops the server as an operator would (a fast shutdown: open connections are cut), keeping its data; clients
     * see it as down until {@link #restart()}.
     */
    synchronized void stop() throws IOException {
        var pid = serverPid();
        if (pid.isEmpty()) {
            return;
        }
        // SIGINT is PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends; pg_ctl itself refuses to run as root
        run(List.of("kill", "-INT", Long.toString(pid.getAsLong())), "stop");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL did not stop within 120 s");
            }
            try {
                Thread.sleep(100); // a server's pid file going away; nothing to block on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while PostgreSQL stopped", e);
            }
        }
    }

    /**
     * Starts the stopped server again on the same port with the same data and settings: the command line it was
     * first started with is in {@code postmaster.opts}, which is what {@code pg_ctl restart} reuses too.
     */
    synchronized void restart() throws IOException {
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        pgCtl(
                "start",
                List.of(
                        "-l",
                        dataDirectory.resolveSibling("postgres-restarted.log").toString(),
                        "-o",
                        options()));
    }

    synchronized boolean isRunning() {
        return Files.exists(dataDirectory.resolve("postmaster.pid"));
    }

    /** The server's options after its executable, as pg_ctl quoted them ({@code "-D" "dir" "-p" "5432" ...}). */
    private String options() throws IOException {
        String line = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
        int firstQuote = line.indexOf(" \"");
        if (firstQuote < 0) {
            throw new IOException("postmaster.opts names no options: " + line);
        }
        return line.substring(firstQuote + 1);
    }

    private Path binaries() throws IOException {
        String line = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
        int firstQuote = line.indexOf(" \"");
        return Path.of(firstQuote < 0 ? line : line.substring(0, firstQuote)).getParent();
    }

    private void pgCtl(String action, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // as zonky starts it: PostgreSQL refuses root, an unprivileged user namespace is enough for it
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                binaries().resolve("pg_ctl").toString(),
                "-D",
                dataDirectory.toAbsolutePath().toString(),
                "-w",
                "-t",
                "120"));
        command.addAll(arguments);
        command.add(action);
        run(command, action);
    }

    private static void run(List<String> command, String action) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("PostgreSQL " + action + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during PostgreSQL " + action, e);
        }
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

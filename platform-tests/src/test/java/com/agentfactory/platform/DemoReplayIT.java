package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay tool against the running platform, through the gateway, twice. */
class DemoReplayIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
    }

    @Test
    void replayingTheDemoFileTwiceThroughTheGatewayChangesNothingTheSecondTime() throws Exception {
        Replay first = replay();
        long eventsAfterFirst = storedEvents();
        Replay second = replay();

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(eventsAfterFirst).isGreaterThan(1_000);
        assertThat(storedEvents()).isEqualTo(eventsAfterFirst);
        assertThat(second.output()).containsPattern("replay [a-z ]+:.*accepted 0, duplicates [1-9]");
    }

    private Replay replay() throws IOException, InterruptedException {
        Path jar = platform.projectRoot.resolve("demo-data/target/demo-data-0.1.0-SNAPSHOT-exec.jar");
        Path log = Files.createTempFile(Path.of("target"), "replay", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--gateway",
                        platform.gateway.baseUrl()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REPLAY_CLIENT_ID", RunningPlatform.SERVICE_CLIENT);
        builder.environment().put("REPLAY_CLIENT_SECRET", RunningPlatform.SERVICE_SECRET);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Replay(finished ? process.exitValue() : -1, Files.readString(log));
    }

    private long storedEvents() throws Exception {
        try (var connection = DriverManager.getConnection(
                        platform.infrastructure.jdbcUrl(),
                        platform.infrastructure.databaseUser(),
                        platform.infrastructure.databasePassword());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM supervisor.commerce_events")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record Replay(int exitCode, String output) {}
}

package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.infra.platform.DemoCustomerLogins;
import com.agentfactory.infra.platform.GatewayTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay tool against the running platform, through the gateway, twice; and the demo's customer logins: a
 * replayed customer signs in and finds their own orders, in the ledger and through the support chat.
 */
class DemoReplayIT {

    private static final String CUSTOMER_PASSWORD = "demo-customer-" + UUID.randomUUID();

    private static RunningPlatform platform;
    private static Path customersFile;
    private static Replay first;
    private static long eventsAfterFirst;

    @BeforeAll
    static void replayOnce() throws Exception {
        platform = RunningPlatform.get();
        customersFile = Files.createTempFile(Path.of("target"), "demo-customers", ".tsv");
        first = replay("--customers-file", customersFile.toString());
        eventsAfterFirst = storedEvents();
    }

    @Test
    void replayingTheDemoFileTwiceThroughTheGatewayChangesNothingTheSecondTime() throws Exception {
        Replay second = replay();

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(eventsAfterFirst).isGreaterThan(1_000);
        assertThat(storedEvents()).isEqualTo(eventsAfterFirst);
        assertThat(second.output()).containsPattern("replay [a-z ]+:.*accepted 0, duplicates [1-9]");
    }

    @Test
    void aReplayedCustomerSignsInAndFindsTheirOrdersInTheLedgerAndThroughTheSupportChat() throws Exception {
        assertThat(first.exitCode()).as(first.output()).isZero();
        HttpClient http = HttpClient.newHttpClient();
        String gateway = platform.gateway.baseUrl();
        String admin = GatewayTokens.signIn(http, gateway, RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD)
                .orElseThrow();

        List<DemoCustomerLogins.DemoLogin> logins =
                DemoCustomerLogins.create(http, gateway, admin, customersFile, CUSTOMER_PASSWORD);

        assertThat(logins).hasSize(5);
        assertThat(DemoCustomerLogins.create(http, gateway, admin, customersFile, CUSTOMER_PASSWORD))
                .as("a second run keeps the accounts")
                .isEqualTo(logins);
        DemoCustomerLogins.DemoLogin customer = logins.getFirst();
        String token = GatewayTokens.signIn(http, gateway, customer.email(), CUSTOMER_PASSWORD)
                .orElseThrow();
        String latest = customer.latestOrders().getFirst();

        String orders = gateway + "/api/v1/customers/" + customer.customerId() + "/orders?limit=100";
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(Http.get(orders, token)
                        .body()
                        .path("items")
                        .valueStream()
                        .map(order -> order.path("order_number").asString()))
                .containsAll(customer.latestOrders()));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(Http.post(
                                gateway + "/api/v1/support/messages",
                                token,
                                Map.of("text", "where is my order " + latest))
                        .body()
                        .path("reply")
                        .asString())
                .contains("Your order " + latest));
        String someoneElses = logins.get(1).latestOrders().getFirst();
        assertThat(Http.post(
                                gateway + "/api/v1/support/messages",
                                token,
                                Map.of("text", "where is my order " + someoneElses))
                        .body()
                        .path("reply")
                        .asString())
                .as("another demo customer's order stays theirs")
                .contains("could not find an order numbered " + someoneElses);
    }

    private static Replay replay(String... options) throws IOException, InterruptedException {
        Path jar = platform.projectRoot.resolve("demo-data/target/demo-data-0.1.0-SNAPSHOT-exec.jar");
        Path log = Files.createTempFile(Path.of("target"), "replay", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--gateway",
                platform.gateway.baseUrl()));
        command.addAll(List.of(options));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("REPLAY_CLIENT_ID", RunningPlatform.SERVICE_CLIENT);
        builder.environment().put("REPLAY_CLIENT_SECRET", RunningPlatform.SERVICE_SECRET);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        return new Replay(finished ? process.exitValue() : -1, Files.readString(log));
    }

    private static long storedEvents() throws Exception {
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

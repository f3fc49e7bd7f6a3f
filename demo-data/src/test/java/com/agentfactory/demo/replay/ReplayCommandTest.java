package com.agentfactory.demo.replay;

import static com.agentfactory.demo.replay.RetailCsvFixtures.ISO_FORMAT;
import static com.agentfactory.demo.replay.StubEventsEndpoint.unavailable;
import static com.agentfactory.demo.replay.StubEventsEndpoint.unprocessable;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ReplayCommandTest {

    private static final Map<String, String> CREDENTIALS =
            Map.of("REPLAY_CLIENT_ID", "replay-agent", "REPLAY_CLIENT_SECRET", "s3cret");

    @TempDir
    Path directory;

    private StubEventsEndpoint platform;
    private Path file;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startPlatform() throws IOException {
        platform = new StubEventsEndpoint();
        file = Files.writeString(directory.resolve("retail.csv"), ISO_FORMAT, UTF_8);
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void fetchesATokenWithTheClientCredentialsAndSendsItWithEveryBatch() {
        int exit = replay(CREDENTIALS, "--gateway", platform.uri().toString(), "--batch-size", "3", file.toString());

        assertThat(exit).isZero();
        assertThat(platform.tokenRequests()).singleElement().satisfies(request -> {
            JsonNode body = platform.json(request.body());
            assertThat(body.path("client_id").asString()).isEqualTo("replay-agent");
            assertThat(body.path("client_secret").asString()).isEqualTo("s3cret");
        });
        assertThat(platform.batchRequests()).hasSize(3).allSatisfy(request -> assertThat(request.authorization())
                .isEqualTo("Bearer " + StubEventsEndpoint.TOKEN));
        assertThat(platform.receivedEvents()).hasSize(8);
        assertThat(stdout()).contains("accepted 8, duplicates 0, rejected 0");
    }

    @Test
    void aGivenTokenIsSentWithoutAskingForOne() {
        int exit = replay(
                Map.of(), "--gateway", platform.uri().toString(), "--token", StubEventsEndpoint.TOKEN, file.toString());

        assertThat(exit).isZero();
        assertThat(platform.tokenRequests()).isEmpty();
        assertThat(platform.batchRequests()).allSatisfy(request -> assertThat(request.authorization())
                .isEqualTo("Bearer " + StubEventsEndpoint.TOKEN));
    }

    @Test
    void directModePostsToTheSupervisorWithoutAToken() {
        int exit = replay(CREDENTIALS, "--direct", platform.uri().toString(), file.toString());

        assertThat(exit).isZero();
        assertThat(platform.tokenRequests()).isEmpty();
        assertThat(platform.batchRequests()).singleElement().satisfies(request -> assertThat(request.authorization())
                .isNull());
    }

    @Test
    void wrongCredentialsAbortTheReplay() {
        int exit = replay(
                Map.of("REPLAY_CLIENT_ID", "replay-agent", "REPLAY_CLIENT_SECRET", "wrong"),
                "--gateway",
                platform.uri().toString(),
                file.toString());

        assertThat(exit).isEqualTo(ReplayCommand.EXIT_FAILED);
        assertThat(platform.batchRequests()).isEmpty();
        assertThat(stderr()).contains("could not obtain an access token", "401");
    }

    @Test
    void theGatewayWithoutAnyCredentialsIsAUsageError() {
        int exit = replay(Map.of(), "--gateway", platform.uri().toString(), file.toString());

        assertThat(exit).isEqualTo(ReplayCommand.EXIT_USAGE);
        assertThat(stderr()).contains("--token", "--direct");
    }

    @Test
    void aBatchIsRetriedAfterServiceUnavailable() {
        platform.respondToNextBatches(unavailable(), unavailable());

        int exit = replay(CREDENTIALS, "--gateway", platform.uri().toString(), file.toString());

        assertThat(exit).isZero();
        assertThat(platform.batchRequests()).hasSize(3);
        assertThat(platform.batchRequests())
                .extracting(StubEventsEndpoint.Recorded::body)
                .containsOnly(platform.batchRequests().getFirst().body());
        assertThat(stderr()).contains("retry: event batch attempt 1/4 failed (HTTP 503");
        assertThat(stdout()).contains("accepted 8", "retries 2");
    }

    @Test
    void aBatchThatKeepsFailingAbortsTheReplayAfterTheRetries() {
        platform.respondToNextBatches(unavailable(), unavailable(), unavailable(), unavailable());

        int exit = replay(CREDENTIALS, "--gateway", platform.uri().toString(), "--batch-size", "4", file.toString());

        assertThat(exit).isEqualTo(ReplayCommand.EXIT_FAILED);
        assertThat(platform.batchRequests()).hasSize(4);
        assertThat(stderr()).contains("event batch failed after 4 attempts");
        assertThat(stdout()).contains("replay ABORTED", "sent 0");
    }

    @Test
    void anUnreachablePlatformIsRetriedThenAborts() {
        String stopped = platform.uri().toString();
        platform.close();

        int exit = replay(Map.of(), "--direct", stopped, file.toString());

        assertThat(exit).isEqualTo(ReplayCommand.EXIT_FAILED);
        assertThat(stderr()).contains("retry: event batch attempt 1/4 failed (ConnectException");
    }

    @Test
    void aRejectedBatchIsReportedWithItsProblemDetailAndCountedAndTheExitStatusIsNonZero() {
        platform.respondToNextBatches(unprocessable("events[3].lines[0].quantity", "must be positive"));

        int exit = replay(CREDENTIALS, "--gateway", platform.uri().toString(), "--batch-size", "5", file.toString());

        assertThat(exit).isEqualTo(ReplayCommand.EXIT_FAILED);
        assertThat(platform.batchRequests()).hasSize(2);
        assertThat(stderr())
                .contains("rejected: batch 1/2 (events 0..4), HTTP 422")
                .contains("Invalid events: 1 event is invalid")
                .contains("events[3].lines[0].quantity (order.placed invoice 536365): must be positive");
        assertThat(stdout()).contains("FINISHED WITH REJECTIONS", "accepted 3, duplicates 0, rejected 5");
    }

    @Test
    void replayingTheSameFileTwiceOnlyProducesDuplicates() {
        assertThat(replay(CREDENTIALS, "--gateway", platform.uri().toString(), file.toString()))
                .isZero();
        assertThat(replay(CREDENTIALS, "--gateway", platform.uri().toString(), file.toString()))
                .isZero();

        List<StubEventsEndpoint.Recorded> batches = platform.batchRequests();
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1).body()).isEqualTo(batches.get(0).body());
        assertThat(stdout())
                .contains("accepted 8, duplicates 0, rejected 0")
                .contains("accepted 0, duplicates 8, rejected 0");
    }

    @Test
    void theBundledDemoDataIsReplayedWhenNoFileIsGiven() {
        int exit = replay(Map.of(), "--direct", platform.uri().toString(), "--batch-size", "500");

        assertThat(exit).isZero();
        assertThat(stdout()).contains("from bundled demo data /demo/online-retail-demo.csv");
        assertThat(platform.batchRequests()).allSatisfy(request -> assertThat(
                        platform.json(request.body()).path("events").size())
                .isLessThanOrEqualTo(500));
        List<String> types = new ArrayList<>();
        platform.receivedEvents().forEach(event -> types.add(event.path("type").asString()));
        assertThat(types).contains("product.upserted", "customer.upserted", "order.placed", "order.cancelled");
    }

    @Test
    void progressIsPrintedWhileABatchIsInFlight() {
        platform.holdBatches();

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                replay(Map.of(), "--direct", platform.uri().toString(), "--progress-seconds", "0.05", file.toString()));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stdout()).contains("progress: lines read 5, events sent 0/8"));
        platform.releaseBatches();
        assertThat(exit.join()).isZero();
        assertThat(stdout()).contains("replay finished");
    }

    @Test
    void aDryRunMapsTheFileWithoutSending() {
        int exit = replay(Map.of(), "--dry-run", file.toString());

        assertThat(exit).isZero();
        assertThat(platform.requests()).isEmpty();
        assertThat(stdout()).contains("read 5 lines", "3 products, 1 customers, 3 orders, 1 cancellations = 8 events");
    }

    @Test
    void writesTheCustomersWithTheMostOrdersForDemoLogins() throws IOException {
        Path customers = directory.resolve("customers.tsv");

        int exit = replay(Map.of(), "--dry-run", "--customers-file", customers.toString(), file.toString());

        assertThat(exit).isZero();
        // the fixture's one customer, 17850, placed two of its three orders (the third is a guest's); the latest first
        assertThat(Files.readAllLines(customers, UTF_8))
                .containsExactly("17850\t" + DeterministicIds.customer("17850") + "\t536366,536365");
    }

    @Test
    void theBundledDemoDataNamesFiveCustomersWithTheirOrders() throws IOException {
        Path customers = directory.resolve("demo-customers.tsv");

        assertThat(replay(Map.of(), "--dry-run", "--customers-file", customers.toString()))
                .isZero();

        List<String> lines = Files.readAllLines(customers, UTF_8);
        assertThat(lines).hasSize(DemoCustomers.MOST_ACTIVE).allSatisfy(line -> {
            String[] fields = line.split("\t");
            assertThat(fields).hasSize(3);
            assertThat(fields[1]).isEqualTo(DeterministicIds.customer(fields[0]).toString());
            assertThat(fields[2].split(",")).hasSize(DemoCustomers.LATEST_ORDERS);
        });
    }

    private int replay(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        // keep the retry test fast; production waits half a second and more
        all.addAll(0, List.of("--max-retries", "3", "--retry-backoff-ms", "1"));
        return ReplayCommand.run(
                all.toArray(String[]::new), env, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private String stdout() {
        return out.toString(UTF_8);
    }

    private String stderr() {
        return err.toString(UTF_8);
    }
}

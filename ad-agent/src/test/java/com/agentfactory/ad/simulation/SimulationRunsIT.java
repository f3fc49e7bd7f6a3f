package com.agentfactory.ad.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulationRunsIT extends AdIntegrationTest {

    private static final String RUNS = "/api/v1/ads/simulations";
    private static final Duration RUN_TIME = Duration.ofMinutes(3);

    @Autowired
    SimulationWorker worker;

    @LocalServerPort
    int serverPort;

    /** The example of the API document: Lin and RLB on 20,000 synthetic auctions, episodes of 1,000, c0 = 1/32. */
    private static Map<String, Object> run() {
        Map<String, Object> body = new HashMap<>();
        body.put("source", "synthetic");
        body.put("policies", List.of("lin", "rlb"));
        body.put("episode_auctions", 1000);
        body.put("budget_ratio", 0.03125);
        body.put("seed", 42);
        return body;
    }

    private static Map<String, Object> run(String key, Object value) {
        Map<String, Object> body = run();
        body.put(key, value);
        return body;
    }

    @Test
    void runsOnTheSyntheticMarketFromQueuedToCompletedWithResultsForEachPolicy() throws Exception {
        HttpResponse<String> accepted = postWithHeaders(run());

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode queued = JsonMapper.builder().build().readTree(accepted.body());
        String id = queued.path("id").asString();
        assertThat(queued.path("status").asString()).isEqualTo("QUEUED");
        assertThat(queued.path("results")).isEmpty();
        assertThat(accepted.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(RUNS + "/" + id));

        JsonNode done = awaitFinished(id);

        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("requested_by").asString()).isEqualTo("test-user");
        assertThat(done.path("started_at").isNull()).isFalse();
        assertThat(done.path("finished_at").isNull()).isFalse();
        long budget = done.path("budget_per_episode").asLong();
        assertThat(budget).isPositive();
        assertThat(done.path("policy_details").path("lin").path("b0").asDouble())
                .isPositive();
        Map<String, JsonNode> results = new HashMap<>();
        done.path("results")
                .forEach(result -> results.put(
                        result.path("policy").asString() + " "
                                + result.path("part").asString(),
                        result));
        assertThat(results)
                .containsOnlyKeys("lin first", "lin second", "lin whole", "rlb first", "rlb second", "rlb whole");
        results.values().forEach(result -> {
            assertThat(result.path("clicks").asLong())
                    .isNotNegative()
                    .isLessThanOrEqualTo(result.path("impressions").asLong());
            assertThat(result.path("impressions").asLong())
                    .isLessThanOrEqualTo(result.path("auctions").asLong());
            assertThat(result.path("win_rate").asDouble()).isBetween(0.0, 1.0);
        });
        for (String policy : List.of("lin", "rlb")) {
            JsonNode whole = results.get(policy + " whole");
            assertThat(whole.path("auctions").asLong()).isEqualTo(20_000);
            assertThat(whole.path("cost").asLong()).isPositive().isLessThanOrEqualTo(budget * 20);
            assertThat(whole.path("clicks").asLong())
                    .isEqualTo(results.get(policy + " first").path("clicks").asLong()
                            + results.get(policy + " second").path("clicks").asLong());
        }
        assertThat(results.get("rlb whole").path("clicks").asLong()).isGreaterThanOrEqualTo((long)
                Math.ceil(0.9 * results.get("lin whole").path("clicks").asLong()));
    }

    @Test
    void listsTheSourcesThatCanBeUsed() {
        Api.Response sources = api.get(RUNS + "/sources");

        assertThat(sources.status()).isEqualTo(200);
        assertThat(sources.body()).hasSize(1);
        assertThat(sources.text("/0/name")).isEqualTo("synthetic");
        assertThat(sources.body().path(0).path("auctions").asInt()).isEqualTo(20_000);
        assertThat(sources.text("/0/description")).isNotBlank();
    }

    @Test
    void refusesASourceNotOfferedHereNamingTheSource() {
        Api.Response unknown = api.post(RUNS, run("source", "criteo"));
        Api.Response unconfigured = api.post(RUNS, run("source", "ipinyou"));

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorFields()).containsExactly("source");
        assertThat(unconfigured.status()).isEqualTo(422);
        assertThat(unconfigured.errorFields()).containsExactly("source");
        assertThat(unconfigured.text("/detail")).contains("not configured");
    }

    @Test
    void refusesTheDqnNamingThePolicies() {
        Api.Response refused = api.post(RUNS, run("policies", List.of("lin", "dqn")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("policies");
    }

    @Test
    void refusesEpisodesOutOfRangeAndNoPolicyAsInvalidFields() {
        assertThat(api.post(RUNS, run("episode_auctions", 99)).errorFields()).containsExactly("episode_auctions");
        assertThat(api.post(RUNS, run("episode_auctions", 100_001)).status()).isEqualTo(400);
        assertThat(api.post(RUNS, run("budget_ratio", 0)).errorFields()).containsExactly("budget_ratio");
        assertThat(api.post(RUNS, run("budget_ratio", 1.5)).status()).isEqualTo(400);
        assertThat(api.post(RUNS, run("policies", List.of())).errorFields()).containsExactly("policies");
        assertThat(api.post(RUNS, run("policies", List.of("magic"))).status()).isEqualTo(400);
    }

    @Test
    void refusesEpisodesLongerThanHalfTheLog() {
        Api.Response refused = api.post(RUNS, run("episode_auctions", 10_001));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("episode_auctions");
    }

    @Test
    void listsTheRunsNewestFirstAndAnswersNotFoundForAnUnknownOne() {
        String older = api.post(RUNS, run("seed", 1)).text("/id");
        String newer = api.post(RUNS, run("seed", 2)).text("/id");

        Api.Response page = api.get(RUNS + "?page=1&limit=2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text("/items/0/id")).isEqualTo(newer);
        assertThat(page.text("/items/1/id")).isEqualTo(older);
        assertThat(page.body().path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(api.get(RUNS + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void refusesAPageBeyondTheLastNamingItInsteadOfOverflowingTheOffset() {
        Api.Response overflowing = api.get(RUNS + "?page=30000000&limit=100");
        Api.Response last = api.get(RUNS + "?page=100000&limit=100");

        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.errorFields()).containsExactly("page");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().path("items")).isEmpty();
    }

    @Test
    void queuesAgainARunLeftRunningByADeadWorkerAndCompletesIt() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        UUID id = insertRun("RUNNING", "synthetic", longAgo, longAgo);

        worker.recover();

        JsonNode done = awaitFinished(id.toString());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(done.path("started_at").asString())).isAfter(longAgo);
        assertThat(done.path("results")).hasSize(6);
    }

    @Test
    void leavesARunningRunAloneWhileItsWorkerRenewsTheHeartbeat() {
        Instant now = Instant.now();
        UUID id = insertRun("RUNNING", "synthetic", now, now);
        try {
            worker.recover();

            assertThat(api.get(RUNS + "/" + id).text("/status")).isEqualTo("RUNNING");
        } finally {
            jdbc.update("DELETE FROM ad_simulation_runs WHERE id = ?", id);
        }
    }

    @Test
    void refusesTheTwentyFirstQueuedRunWithAConflict() {
        await().atMost(RUN_TIME).until(() -> queued() == 0);
        // queued for the ipinyou source, which is not configured here: no worker of this instance claims them
        List<UUID> waiting = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                waiting.add(insertRun("QUEUED", "ipinyou", null, null));
            }

            Api.Response refused = api.post(RUNS, run());

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("/detail")).contains("20 simulation runs are already queued");
        } finally {
            waiting.forEach(id -> jdbc.update("DELETE FROM ad_simulation_runs WHERE id = ?", id));
        }
    }

    @Test
    void refusesACustomer() {
        Api asCustomer = api.withToken(TestTokens.customer(UUID.randomUUID()));

        assertThat(asCustomer.post(RUNS, run()).status()).isEqualTo(403);
        assertThat(asCustomer.get(RUNS).status()).isEqualTo(403);
        assertThat(asCustomer.get(RUNS + "/sources").status()).isEqualTo(403);
    }

    private JsonNode awaitFinished(String id) {
        await().atMost(RUN_TIME)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> api.get(RUNS + "/" + id).text("/status"),
                        status -> status.equals("COMPLETED") || status.equals("FAILED"));
        return api.get(RUNS + "/" + id).body();
    }

    private long queued() {
        return jdbc.queryForObject("SELECT count(*) FROM ad_simulation_runs WHERE status = 'QUEUED'", Long.class);
    }

    /** A run as a worker of another process left it: RUNNING with its heartbeat at {@code heartbeatAt}, or QUEUED. */
    private UUID insertRun(String status, String source, Instant startedAt, Instant heartbeatAt) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO ad_simulation_runs (id, status, source, policies, episode_auctions, budget_ratio, seed,"
                        + " requested_by, requested_at, started_at, heartbeat_at, version)"
                        + " VALUES (?, ?, ?, ARRAY['lin', 'rlb'], 1000, 0.03125, 42, 'another-process', ?, ?, ?, 1)",
                id,
                status,
                source,
                Timestamp.from(Instant.now()),
                startedAt == null ? null : Timestamp.from(startedAt),
                heartbeatAt == null ? null : Timestamp.from(heartbeatAt));
        return id;
    }

    private HttpResponse<String> postWithHeaders(Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serverPort + RUNS))
                .header("Authorization", "Bearer " + TestTokens.staff("test-user", "ADMIN"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JsonMapper.builder().build().writeValueAsString(body)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

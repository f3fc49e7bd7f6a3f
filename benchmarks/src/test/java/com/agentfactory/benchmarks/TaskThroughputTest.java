package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.benchmarks.load.LoadTarget;
import com.agentfactory.benchmarks.load.Measurement.Summary;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskThroughputTest {

    private static final BatchIntake BATCH = new BatchIntake(50);

    private static final PoolSampler.PoolUse POOL = new PoolSampler.PoolUse(8, 3, 0);

    private static LoadTarget target(String name, int tasksPerRequest) {
        return LoadTarget.post(name, "http://127.0.0.1:8080/x", "{}", Map.of(), tasksPerRequest);
    }

    private static Summary requestsPerSecond(double throughput) {
        return new Summary((long) (throughput * 20), 0, 0, 20, throughput, 4.0, 8.0, 12.0, 30.0, Map.of());
    }

    private static BenchmarkRun.Results results() {
        BenchmarkRun.Results r = new BenchmarkRun.Results();
        r.batches = Optional.of(BATCH);
        r.add(target("supervisor direct", 1), "closed 64", requestsPerSecond(2_000), Map.of(), POOL);
        r.add(target("through gateway", 1), "closed 64", requestsPerSecond(1_000), Map.of(), POOL);
        r.add(target(BATCH.directName(), 50), "closed 64", requestsPerSecond(300), Map.of(), POOL);
        r.add(target(BATCH.directName(), 50), "closed 256", requestsPerSecond(400), Map.of(), POOL);
        r.add(target(BATCH.gatewayName(), 50), "closed 64", requestsPerSecond(300), Map.of(), POOL);
        r.add(
                target(BATCH.directName(), 50),
                Report.taskRatePhase(5_000, 50),
                requestsPerSecond(100),
                Map.of("supervisor-agent", 60.0),
                POOL);
        return r;
    }

    @Test
    void eachAcceptedRequestCountsAllTheTasksItCarried() {
        BenchmarkRun.Results r = results();

        assertThat(r.tasksPerSecond(BATCH.directName(), requestsPerSecond(400))).isCloseTo(20_000, within(1e-9));
        assertThat(r.tasksPerSecond("supervisor direct", requestsPerSecond(400)))
                .isCloseTo(400, within(1e-9));
        assertThat(r.maxTaskThroughput(BATCH.directName())).isCloseTo(20_000, within(1e-9));
        assertThat(r.maxThroughput(BATCH.directName())).isCloseTo(400, within(1e-9));
    }

    @Test
    void aTaskRateIsSentAsThatRateDividedByTheBatchSize() {
        assertThat(target("batch", 50).requestRate(5_000)).isCloseTo(100, within(1e-9));
        assertThat(target("batch", 30).requestRate(5_000)).isCloseTo(166.667, within(1e-3));
        assertThat(target("single", 1).requestRate(890)).isCloseTo(890, within(1e-9));
        assertThat(Report.taskRatePhase(5_000, 30)).isEqualTo("fixed 5000 tasks/s (166.7 req/s)");
    }

    @Test
    void theJsonCarriesTasksNextToRequestsAndTheBatchedGatewayShare() {
        String json = Report.json(results());

        assertThat(json)
                .contains("\"supervisor direct\":{\"tasks_per_request\":1,\"closed 64\":{\"throughput\":2000.0,"
                        + "\"tasks_per_second\":2000.0,")
                .contains("\"supervisor direct, batches of 50\":{\"tasks_per_request\":50,")
                .contains("\"closed 256\":{\"throughput\":400.0,\"tasks_per_second\":20000.0,")
                .contains("\"gateway_share_of_direct\":0.500,")
                .contains("\"gateway_share_of_direct_batched\":0.750,")
                .contains("\"batch_size\":50,");
    }

    @Test
    void theMarkdownHasASeparateTableForTheBatchTargets() {
        String markdown = Report.markdown(results());

        assertThat(markdown)
                .contains("| Measure (50 tasks per request) | supervisor direct, batches of 50"
                        + " | through gateway, batches of 50 |")
                .contains("| Max throughput, 256 workers: req/s (tasks/s) | 400 (20,000) |  |")
                .contains("| Fixed 5000 tasks/s (100 req/s): p50 / p90 / p99 / max per request (ms) | 4.0 / 8.0 / 12.0"
                        + " / 30.0 |  |")
                .contains("Gateway, batches of 50: 75% of direct throughput in tasks/s")
                .contains("| Process | hello | supervisor direct | through gateway | hello through gateway"
                        + " | supervisor direct, batches of 50 | through gateway, batches of 50 |");
        assertThat(markdown.substring(0, markdown.indexOf("Gateway:"))).doesNotContain("tasks/s (");
    }
}

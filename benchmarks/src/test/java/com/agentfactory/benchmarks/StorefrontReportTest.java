package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.benchmarks.load.LoadTarget;
import com.agentfactory.benchmarks.load.Measurement.Summary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorefrontReportTest {

    private static final PoolSampler.PoolUse POOL = new PoolSampler.PoolUse(8, 1, 0);

    private static Summary answered(double throughput, double p50) {
        return new Summary((long) (throughput * 20), 0, 0, 20, throughput, p50, p50 * 2, p50 * 3, p50 * 5, Map.of());
    }

    private static void measured(BenchmarkRun.Results r, String target, String phase, Summary summary) {
        r.add(LoadTarget.get(target, "http://127.0.0.1:8080/x", Map.of()), phase, summary, Map.of(), POOL);
    }

    /** A run in which the support reply was too slow for the shared rate and got its own, the ceiling too. */
    private static BenchmarkRun.Results results() {
        BenchmarkRun.Results r = new BenchmarkRun.Results();
        for (String target : Report.TARGETS) {
            measured(r, target, "closed 64", answered(2_000, 2));
        }
        measured(r, BenchmarkRun.PRODUCT_PAGE, "closed 64", answered(1_500, 3));
        measured(r, BenchmarkRun.SUPPORT_REPLY, "closed 64", answered(40, 400));
        measured(r, BenchmarkRun.BID_DIRECT, "closed 64", answered(3_000, 1));
        measured(r, BenchmarkRun.HELLO_THROUGH_GATEWAY, Report.ratePhase(500), answered(500, 1));
        measured(r, BenchmarkRun.PRODUCT_PAGE, Report.ratePhase(500), answered(500, 2));
        measured(r, BenchmarkRun.SUPPORT_REPLY, Report.ratePhase(20), answered(20, 60));
        measured(r, BenchmarkRun.HELLO_THROUGH_GATEWAY, Report.ratePhase(20), answered(20, 1.5));
        return r;
    }

    @Test
    void theStorefrontTargetsHaveTheirOwnTableBesideTheHelloAppBehindTheGateway() {
        String markdown = Report.markdown(results());

        assertThat(markdown)
                .contains("| Measure | recommendation cached through gateway | recommendation uncached through gateway"
                        + " | product page through gateway | support reply through gateway | hello through gateway |")
                .contains(
                        "| Max throughput, 64 workers: req/s (tasks/s) |  |  | 1,500 (1,500) | 40 (40) | 2,000 (2,000) |")
                .contains("| Fixed 20/s: p50 / p90 / p99 / max (ms) |  |  |  | 60.0 / 120.0 / 180.0 / 300.0"
                        + " | 1.5 / 3.0 / 4.5 / 7.5 |")
                .contains("| Measure | bid decision direct | hello |");
        // the ceiling's phase at the support reply's own rate stays out of the tables of the other targets
        assertThat(markdown.substring(0, markdown.indexOf("| Measure | recommendation cached")))
                .doesNotContain("Fixed 20/s");
    }

    @Test
    void theJsonCarriesEveryStorefrontTarget() {
        String json = Report.json(results());

        assertThat(json)
                .contains("\"product page through gateway\":{\"tasks_per_request\":1,\"closed 64\":")
                .contains("\"support reply through gateway\":{\"tasks_per_request\":1,\"closed 64\":")
                .contains("\"fixed 20/s\":{\"throughput\":20.0,")
                .contains("\"bid decision direct\":{\"tasks_per_request\":1,");
    }

    @Test
    void theBidIsComparedWithTheHelloAppDirectAndTheRestWithItBehindTheGateway() {
        assertThat(BenchmarkRun.ceilingOf(BenchmarkRun.BID_DIRECT)).isEqualTo("hello");
        assertThat(BenchmarkRun.ceilingOf(BenchmarkRun.SUPPORT_REPLY)).isEqualTo(BenchmarkRun.HELLO_THROUGH_GATEWAY);
    }
}

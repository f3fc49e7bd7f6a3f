package com.agentfactory.ad.exchange;

import com.agentfactory.ad.campaign.AdCampaignStatus;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdPlatformName;
import com.agentfactory.ad.campaign.CreativeStatus;
import com.agentfactory.ad.campaign.CreativeView;
import com.agentfactory.ad.prediction.ClickPredictionService;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the bid decision as the bid API makes it, in this process and without HTTP: the served click model (the
 * newest version in {@code --models}) values every eligible campaign's creative for each request, the policy shapes
 * the bid (RLB for the half of the campaigns given market statistics, linear for the others), pacing and the
 * allowance cap it. Requests are generated from a seed with the fields an exchange sends.
 * Prints, as one JSON object on the last line, decisions per second over all threads, the latency percentiles of
 * one decision, and the process's resident memory. A measurement for the benchmarks page, not a test.
 *
 * <pre>
 * --models DIR [--campaigns 20] [--threads 2] [--warmup 10] [--seconds 30] [--seed 42] [--time-zone UTC]
 * </pre>
 */
public final class BidBenchmarkCommand {

    private static final String USAGE = "usage: --models DIR [--campaigns 20] [--threads 2] [--warmup 10]"
            + " [--seconds 30] [--seed 42] [--time-zone UTC]";
    private static final int[][] SIZES = {{300, 250}, {728, 90}, {160, 600}, {320, 50}};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)",
        "Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0"
    };
    private static final String[] REGIONS = {"BE", "NL", "FR", "DE", "LU"};
    private static final int REQUESTS = 10_000;

    private BidBenchmarkCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("error: expected --name value, got '" + args[i] + "'");
                err.println(USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("models")) {
            err.println("error: --models is required");
            err.println(USAGE);
            return 2;
        }
        int campaigns = Integer.parseInt(options.getOrDefault("campaigns", "20"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        ZoneId zone = ZoneId.of(options.getOrDefault("time-zone", "UTC"));

        ClickPredictionService models = ClickPredictionService.of(Path.of(options.get("models")), zone);
        if (models.ctrVersion().isEmpty() || !models.encodesBids()) {
            err.println("error: no stored pCTR model with a feature index in " + options.get("models")
                    + " (train one with ad-models train ... --feature-index featindex.txt)");
            return 2;
        }
        ExchangeProperties properties =
                new ExchangeProperties(Map.of(), 50, 0.1, Duration.ofSeconds(1), 200, 0.01, 0.05, Duration.ofDays(7));
        BidDecider decider = new BidDecider(
                new TrainedClickPredictor(
                        models,
                        new EmpiricalBayesClickPredictor(
                                properties.priorStrength(), properties.defaultCtr(), properties.defaultCvr())),
                new RlbBidShaper(),
                properties,
                zone,
                BidDecider.BidRecorder.NONE,
                // each bid's nurl is signed on the bid path, so the benchmark signs too; the key does not matter
                new WinNotices(new WinNoticeProperties(
                        "bid-benchmark-win-notice-secret",
                        "http://127.0.0.1/win",
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(2))));
        Random random = new Random(seed);
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        ServingSnapshot snapshot = snapshot(campaigns, random, now);
        List<OpenRtb.BidRequest> requests = requests(random);

        err.printf(
                "model %s (%s), %d campaigns, %d threads, %s warm-up, %s measured%n",
                models.ctrVersion().get().id(), models.ctrVersion().get().kind(), campaigns, threads, warmUp, measured);
        Result warm = measure(decider, snapshot, requests, now, threads, warmUp);
        Result result = measure(decider, snapshot, requests, now, threads, measured);
        Histogram latency = result.latency();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", "bid-benchmark");
        report.put("model", models.ctrVersion().get().id());
        report.put("model_kind", models.ctrVersion().get().kind());
        report.put("campaigns", campaigns);
        report.put("threads", threads);
        report.put("warm_up_decisions", warm.latency().getTotalCount());
        report.put("decisions", latency.getTotalCount());
        report.put("bids", result.bids());
        report.put("seconds", round(result.seconds()));
        report.put("decisions_per_second", Math.round(latency.getTotalCount() / result.seconds()));
        report.put("p50_micros", round(latency.getValueAtPercentile(50) / 1000.0));
        report.put("p99_micros", round(latency.getValueAtPercentile(99) / 1000.0));
        report.put("p999_micros", round(latency.getValueAtPercentile(99.9) / 1000.0));
        report.put("max_micros", round(latency.getMaxValue() / 1000.0));
        report.put("rss_mb", memory("VmRSS:"));
        report.put("peak_rss_mb", memory("VmHWM:"));
        report.put(
                "heap_used_mb",
                round((Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0));
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        out.println(JsonMapper.builder().build().writeValueAsString(report));
        return 0;
    }

    private record Result(Histogram latency, long bids, double seconds) {}

    private static Result measure(
            BidDecider decider,
            ServingSnapshot snapshot,
            List<OpenRtb.BidRequest> requests,
            Instant now,
            int threads,
            Duration duration)
            throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        Histogram[] histograms = new Histogram[threads];
        long[] bids = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            histograms[t] = new Histogram(60_000_000_000L, 3);
            workers.add(Thread.ofPlatform().name("bidder-" + t).start(() -> {
                int next = worker * 997;
                while (running.get()) {
                    OpenRtb.BidRequest request = requests.get(next++ % requests.size());
                    long started = System.nanoTime();
                    boolean bid =
                            decider.decide(request, "benchmark", snapshot, now).isPresent();
                    histograms[worker].recordValue(Math.max(1, System.nanoTime() - started));
                    if (bid) {
                        bids[worker]++;
                    }
                }
            }));
        }
        long started = System.nanoTime();
        Thread.sleep(duration);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram all = new Histogram(60_000_000_000L, 3);
        long bidCount = 0;
        for (int t = 0; t < threads; t++) {
            all.add(histograms[t]);
            bidCount += bids[t];
        }
        return new Result(all, bidCount, seconds);
    }

    /** Campaigns with generous budgets, each with creatives of two of the common sizes, some limited to regions. */
    private static ServingSnapshot snapshot(int campaigns, Random random, Instant now) {
        List<ServingSnapshot.Entry> entries = new ArrayList<>();
        for (int c = 0; c < campaigns; c++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            var campaign = new AdCampaignView(
                    id,
                    "benchmark-" + c,
                    AdPlatformName.values()[c % AdPlatformName.values().length],
                    "benchmark",
                    AdCampaignStatus.ACTIVE,
                    new BigDecimal("1000000.00"),
                    new BigDecimal("100000000.00"),
                    "EUR",
                    null,
                    null,
                    null,
                    BigDecimal.valueOf(20 + random.nextInt(60)),
                    BigDecimal.valueOf(0.5 + random.nextDouble()),
                    now.minus(Duration.ofDays(1)),
                    null);
            List<ServingSnapshot.Creative> creatives = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                int[] size = SIZES[(c + k) % SIZES.length];
                creatives.add(new ServingSnapshot.Creative(
                        new CreativeView(
                                new UUID(random.nextLong(), random.nextLong()),
                                id,
                                null,
                                "creative-" + k,
                                size[0],
                                size[1],
                                "shop.example",
                                CreativeStatus.ACTIVE,
                                random.nextInt(10_000),
                                random.nextInt(100)),
                        c % 3 == 0 ? Set.of(REGIONS[c % REGIONS.length]) : Set.of()));
            }
            entries.add(new ServingSnapshot.Entry(
                    campaign,
                    creatives,
                    random.nextInt(100_000),
                    random.nextInt(1_000),
                    random.nextInt(50),
                    500_000,
                    1_000,
                    new ServingSnapshot.Counters(),
                    c % 2 == 0 ? market(random) : null,
                    0,
                    Instant.MAX,
                    0));
        }
        return new ServingSnapshot(List.copyOf(entries), 0.005, 0.04);
    }

    /** RLB bidding from a market of clearing prices around 2 CPM, for half the campaigns. */
    private static MarketBidding market(Random random) {
        long[] histogram = new long[201];
        for (int i = 0; i < 5_000; i++) {
            histogram[(int) Math.min(200, Math.max(0, Math.round(8 + random.nextGaussian() * 4)))]++;
        }
        return MarketModels.solve(histogram, 0.005, 50, 0.25, 50);
    }

    private static List<OpenRtb.BidRequest> requests(Random random) {
        List<OpenRtb.BidRequest> requests = new ArrayList<>(REQUESTS);
        for (int r = 0; r < REQUESTS; r++) {
            int[] size = SIZES[random.nextInt(SIZES.length)];
            boolean app = random.nextInt(4) == 0;
            requests.add(new OpenRtb.BidRequest(
                    "b-" + r,
                    List.of(new OpenRtb.Imp(
                            "1",
                            new OpenRtb.Banner(size[0], size[1], random.nextInt(4)),
                            random.nextInt(5) * 0.1,
                            "EUR",
                            "slot-" + random.nextInt(500),
                            random.nextInt(10) == 0 ? 1 : 0)),
                    app ? null : new OpenRtb.Site(null, "site-" + random.nextInt(2_000) + ".example", null),
                    app ? new OpenRtb.App(null, "com.example.app" + random.nextInt(300)) : null,
                    new OpenRtb.Device(
                            AGENTS[random.nextInt(AGENTS.length)],
                            (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                                    + random.nextInt(256),
                            new OpenRtb.Geo(null, REGIONS[random.nextInt(REGIONS.length)], null),
                            null),
                    new OpenRtb.User("u-" + random.nextInt(100_000)),
                    null));
        }
        return requests;
    }

    /** A line of /proc/self/status in MiB, or -1 where there is none (not Linux). */
    private static double memory(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                return round(Long.parseLong(
                                line.substring(field.length()).replace("kB", "").strip())
                        / 1024.0);
            }
        }
        return -1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

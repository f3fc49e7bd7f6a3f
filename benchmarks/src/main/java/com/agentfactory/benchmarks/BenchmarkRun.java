package com.agentfactory.benchmarks;

import com.agentfactory.benchmarks.hello.HelloApplication;
import com.agentfactory.benchmarks.load.ClosedLoop;
import com.agentfactory.benchmarks.load.LoadTarget;
import com.agentfactory.benchmarks.load.Measurement.Summary;
import com.agentfactory.benchmarks.load.OpenLoop;
import com.agentfactory.benchmarks.load.WarmUp;
import com.agentfactory.infra.FreePorts;
import com.agentfactory.infra.InfrastructureSettings;
import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.platform.GatewayTokens;
import com.agentfactory.infra.platform.PlatformLauncher;
import com.agentfactory.infra.platform.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One benchmark run: local PostgreSQL (fsync on), Kafka and Redis; the supervisor, the inventory agent (so the
 * health-check tasks drain), the gateway and the services behind a storefront's pages (recommendation, support, ad
 * agent and the finance service that funds its campaigns) as separate JVMs with their deployed heaps; the
 * hello-world app with the supervisor's heap. For each target it measures maximum throughput (closed loop) and latency at fixed
 * rates (open loop), then reports memory, CPU shares and the outbox backlog as Markdown and one JSON line.
 * Batch targets submit {@code --batch-size} tasks per request, so they are compared in tasks per second.
 */
final class BenchmarkRun {

    /** A task the inventory agent really handles, so the queue drains while intake is measured. */
    static final String TASK_BODY = "{\"task_type\":\"health-check\",\"agent_id\":\"" + ServiceSpec.INVENTORY.agentId()
            + "\",\"priority\":5,\"input_data\":{\"echo\":\"85123A\"}}";

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final int OPEN_LOOP_CONNECTIONS = 512;
    static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);
    private static final double WARM_UP_TOLERANCE = 0.10;
    static final String HELLO_THROUGH_GATEWAY = "hello through gateway";
    static final String STOCK_DIRECT = "stock check direct";
    static final String STOCK_THROUGH_GATEWAY = "stock check through gateway";
    static final String RECOMMENDATION_CACHED = "recommendation cached through gateway";
    static final String RECOMMENDATION_UNCACHED = "recommendation uncached through gateway";
    static final String PRODUCT_PAGE = "product page through gateway";
    static final String SUPPORT_REPLY = "support reply through gateway";
    static final String BID_DIRECT = "bid decision direct";
    /** A question the support agent answers from its knowledge base (its tests' shipping question). */
    static final String SUPPORT_MESSAGE = "{\"text\":\"Do you ship to Spain?\"}";
    /**
     * The benchmark's exchange key, made for this run: the ad agent is given its SHA-256 as the simulated exchange's
     * (the well-known demo key is refused while the simulated exchange's own traffic is off, as it is here).
     */
    private static final String EXCHANGE_KEY = randomHex(24);
    /** The region of the benchmark's ad campaign, and of the bid requests it answers. */
    private static final String AD_REGION = "BE";

    /** The topic the supervisor's event intake puts the storefront's orders on (no transactions: one offset each). */
    private static final String ORDERS_TOPIC = "commerce.orders";

    /** The recommendation agent's consumer group on the commerce topics. */
    private static final String RECOMMENDATION_GROUP = "recommendation";

    private static final Pattern MODEL_VERSION = Pattern.compile("\"model_version\"\\s*:\\s*(\\d+)");
    private static final Pattern CREATED_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration warmUp;
    private final Duration measured;
    private final Duration openWarmUp;
    private final Duration jitWarmUpCap;
    private final List<Integer> workerCounts;
    private final double lowRate;
    private final boolean rateLimit;
    private final boolean flightRecording;
    private final Optional<BatchIntake> batches;

    private BenchmarkRun(
            Duration warmUp,
            Duration measured,
            List<Integer> workerCounts,
            double lowRate,
            boolean rateLimit,
            boolean flightRecording,
            Optional<BatchIntake> batches,
            Duration jitWarmUpCap) {
        this.rateLimit = rateLimit;
        this.jitWarmUpCap = jitWarmUpCap;
        this.flightRecording = flightRecording;
        this.batches = batches;
        this.warmUp = warmUp;
        this.measured = measured;
        this.openWarmUp = warmUp.dividedBy(2);
        this.workerCounts = workerCounts;
        this.lowRate = lowRate;
    }

    static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Path project =
                Path.of(option(arguments, "--project", ".")).toAbsolutePath().normalize();
        BenchmarkRun run = new BenchmarkRun(
                Duration.ofSeconds(Long.parseLong(option(arguments, "--warmup-seconds", "10"))),
                Duration.ofSeconds(Long.parseLong(option(arguments, "--seconds", "20"))),
                Arrays.stream(option(arguments, "--workers", "64,256").split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .toList(),
                Double.parseDouble(option(arguments, "--low-rate", "1000")),
                !arguments.contains("--no-rate-limit"),
                arguments.contains("--jfr"),
                BatchIntake.ofOption(Integer.parseInt(option(arguments, "--batch-size", "50"))),
                Duration.ofSeconds(Long.parseLong(option(arguments, "--jit-warmup-max-seconds", "60"))));
        run.execute(project);
    }

    private void execute(Path project) throws Exception {
        Path buildDirectory = project.resolve("benchmarks").resolve("target");
        Path logs = buildDirectory.resolve("benchmark-logs");
        Path helloJar = buildDirectory.resolve("benchmarks-" + VERSION + "-exec.jar");
        if (!Files.exists(helloJar)) {
            throw new IllegalStateException("missing " + helloJar + ": build it first (./mvnw -DskipTests package)");
        }
        Instant began = Instant.now();
        String clientSecret = randomHex(24);
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JWT_ACCESS_TOKEN_TTL", "2h");
        environment.put("AGENTFACTORY_SERVICE_CLIENTS", "bench:" + clientSecret);
        environment.put("AD_EXCHANGE_SIMULATED_KEY_SHA256", sha256Hex(EXCHANGE_KEY));
        environment.put("AD_EXCHANGE_WIN_NOTICE_SECRET", clientSecret + "-win-notice");
        environment.put("CAMPAIGN_UNSUBSCRIBE_SECRET", clientSecret + "-unsubscribe");
        environment.put("CAMPAIGN_WEBHOOK_SECRET", clientSecret + "-webhook");
        // the gateway's per-subject token bucket (agentfactory.rate-limit.user) would throttle one client at
        // 20/s; it stays enabled (one Redis call per request, as deployed) but with a bucket it cannot empty
        // (and the per-IP bucket for authenticated callers, agentfactory.rate-limit.ip, at 100/s)
        for (String bucket : List.of("USER", "IP")) {
            environment.put("RATE_LIMIT_" + bucket + "_CAPACITY", "1000000000");
            environment.put("RATE_LIMIT_" + bucket + "_REFILL_PER_SECOND", "1000000000");
            // relaxed-binding names too, in case the placeholders in application.yml change
            environment.put("AGENTFACTORY_RATELIMIT_" + bucket + "_CAPACITY", "1000000000");
            environment.put("AGENTFACTORY_RATELIMIT_" + bucket + "_REFILLPERSECOND", "1000000000");
        }
        environment.put("RATE_LIMIT_IP_CAPACITY", "1000000000");
        environment.put("RATE_LIMIT_IP_REFILL_PER_SECOND", "1000000000");
        if (flightRecording) {
            // a JFR profile of every service JVM (one file per process id), for finding what a request costs
            Files.createDirectories(logs);
            environment.put(
                    "JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,filename="
                            + logs.toAbsolutePath().resolve("%p.jfr"));
        }
        if (!rateLimit) {
            // diagnostic: the gateway without its Redis round trip per request
            environment.put("RATE_LIMIT_ENABLED", "false");
        }

        int[] ports = FreePorts.distinct(8);
        ServiceSpec supervisor = ServiceSpec.SUPERVISOR.onPort(ports[0]);
        ServiceSpec inventory = ServiceSpec.INVENTORY.onPort(ports[1]);
        ServiceSpec gateway = ServiceSpec.GATEWAY.onPort(ports[2]);
        ServiceSpec recommendation = ServiceSpec.RECOMMENDATION.onPort(ports[3]);
        ServiceSpec support = ServiceSpec.SUPPORT.onPort(ports[4]);
        ServiceSpec ad = ServiceSpec.AD.onPort(ports[5]);
        ServiceSpec finance = ServiceSpec.FINANCE.onPort(ports[6]);
        int helloPort = ports[7];
        // no campaign agent runs here: the gateway's campaign route leads to the hello app, so the same gateway is
        // measured in front of the ceiling too
        environment.put("CAMPAIGN_URL", "http://127.0.0.1:" + helloPort);

        System.out.println("Starting PostgreSQL, Kafka and Redis...");
        Path dataDirectory = InfrastructureSettings.forTests(buildDirectory).dataDirectory();
        LocalInfrastructure infrastructure = LocalInfrastructure.start(InfrastructureSettings.forTests(buildDirectory));
        PlatformLauncher platform = new PlatformLauncher(
                project,
                logs,
                infrastructure,
                List.of(supervisor, inventory, gateway, recommendation, support, ad, finance),
                environment);
        AtomicReference<Process> helloProcess = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                Process hello = helloProcess.get();
                if (hello != null) {
                    hello.destroy();
                    try {
                        hello.waitFor(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                platform.close();
                infrastructure.close();
                deleteQuietly(dataDirectory);
            }
        };
        // Ctrl-C or kill: stop the services and PostgreSQL instead of leaving them behind
        Thread hook = new Thread(stop, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.out.println("Starting the supervisor, the inventory, recommendation, support and ad agents, finance,"
                    + " the gateway and the hello app (logs in " + logs + ")...");
            Process hello = startHello(helloJar, logs, helloPort);
            helloProcess.set(hello);
            // generous: on a loaded two-core machine four Spring Boot services can take minutes to start
            platform.startAll(Duration.ofMinutes(15));
            awaitHello(hello, helloPort, Instant.now().plus(Duration.ofMinutes(2)));

            String token = serviceToken(gateway.baseUrl(), clientSecret);
            String stockSku = stockedProduct(supervisor.baseUrl(), inventory.baseUrl(), token);
            StoreEvents store = seededStore(
                    supervisor.baseUrl(), recommendation.baseUrl(), infrastructure.kafkaBootstrapServers(), token);
            fundedCampaign(finance.baseUrl(), ad.baseUrl(), token);
            List<Endpoint> singleEndpoints = List.of(
                    new Endpoint("hello", "http://127.0.0.1:" + helloPort + "/hello", TASK_BODY, null, 1),
                    new Endpoint(
                            // the supervisor authenticates every request itself, with the same client token
                            "supervisor direct", supervisor.baseUrl() + "/api/v1/agents/tasks", TASK_BODY, token, 1),
                    new Endpoint("through gateway", gateway.baseUrl() + "/api/v1/agents/tasks", TASK_BODY, token, 1),
                    new Endpoint(
                            HELLO_THROUGH_GATEWAY,
                            gateway.baseUrl() + HelloApplication.HELLO_BEHIND_GATEWAY_PATH,
                            TASK_BODY,
                            token,
                            1),
                    Endpoint.read(STOCK_DIRECT, inventory.baseUrl() + "/api/v1/inventory/stock/" + stockSku, token),
                    Endpoint.read(
                            STOCK_THROUGH_GATEWAY, gateway.baseUrl() + "/api/v1/inventory/stock/" + stockSku, token));
            List<Endpoint> batchEndpoints = batches.map(batch -> List.of(
                            new Endpoint(
                                    batch.directName(),
                                    supervisor.baseUrl() + BatchIntake.PATH,
                                    batch.body(TASK_BODY),
                                    token,
                                    batch.size()),
                            new Endpoint(
                                    batch.gatewayName(),
                                    gateway.baseUrl() + BatchIntake.PATH,
                                    batch.body(TASK_BODY),
                                    token,
                                    batch.size())))
                    .orElse(List.of());
            List<Endpoint> storefrontEndpoints = storefrontEndpoints(gateway.baseUrl(), ad.baseUrl(), store, token);
            smokeTest(Stream.of(singleEndpoints, storefrontEndpoints, batchEndpoints)
                    .flatMap(List::stream)
                    .toList());
            List<LoadTarget> singleTargets =
                    singleEndpoints.stream().map(Endpoint::target).toList();
            List<LoadTarget> storefrontTargets =
                    storefrontEndpoints.stream().map(Endpoint::target).toList();
            List<LoadTarget> batchTargets =
                    batchEndpoints.stream().map(Endpoint::target).toList();
            List<LoadTarget> targets = Stream.of(singleTargets, storefrontTargets, batchTargets)
                    .flatMap(List::stream)
                    .toList();

            // how many of its connections the supervisor needs at each load (its pool is ServiceSpec's, as deployed)
            PoolSampler pool = new PoolSampler(http, supervisor.baseUrl());
            Map<String, Long> pids = servicePids(platform, hello);
            ProcessProbe probe = new ProcessProbe(pids, dataDirectory.resolve("postgres"));
            Results results = new Results();
            Set<String> foreign = ConcurrentHashMap.newKeySet();
            foreign.addAll(foreignJvms(pids));
            results.rateLimit = rateLimit;
            results.batches = batches;
            if (!foreign.isEmpty()) {
                System.out.println("WARNING: other JVMs share the machine, the numbers will be low: " + foreign);
            }
            if (!jitWarmUpCap.isZero()) {
                // every target once, before any measured phase: the gateway and supervisor phases share code, and a
                // JVM still compiling its request path would be measured instead of the request
                int warmUpWorkers = workerCounts.stream().max(Integer::compare).orElse(64);
                for (LoadTarget target : targets) {
                    WarmUp.Result warmed =
                            WarmUp.untilSteady(target, warmUpWorkers, WARM_UP_SLICE, jitWarmUpCap, WARM_UP_TOLERANCE);
                    results.warmUps.put(target.name(), warmed);
                    System.out.printf(
                            Locale.ROOT,
                            "%s: warm-up at %d workers, %s req/s per %d s slice%s%n",
                            target.name(),
                            warmUpWorkers,
                            warmed.sliceThroughputs().stream()
                                    .map(t -> String.format(Locale.ROOT, "%.0f", t))
                                    .collect(java.util.stream.Collectors.joining(", ")),
                            WARM_UP_SLICE.toSeconds(),
                            warmed.steady() ? " (steady)" : " (cap reached)");
                }
            }
            for (LoadTarget target : targets) {
                for (int workers : workerCounts) {
                    String phase = "closed " + workers;
                    System.out.printf(
                            Locale.ROOT,
                            "%s: %d workers, %ds warm-up + %ds...%n",
                            target.name(),
                            workers,
                            warmUp.toSeconds(),
                            measured.toSeconds());
                    AtomicReference<Map<String, Double>> cpu = new AtomicReference<>();
                    Thread sampler = sampleCpu(probe, warmUp, measured, cpu, pids, foreign);
                    var sampled = pool.during(() -> ClosedLoop.run(target, workers, warmUp, measured));
                    sampler.join();
                    results.add(target, phase, sampled.result(), cpu.get(), sampled.pool());
                    System.out.println("  " + Report.describe(sampled.result(), target.tasksPerRequest()));
                }
            }
            double supervisorMax = results.maxThroughput("supervisor direct");
            double halfRate = Math.max(10, Math.round(supervisorMax / 2 / 10) * 10.0);
            results.halfRate = halfRate;
            results.lowRate = lowRate;
            for (double rate : List.of(halfRate, lowRate)) {
                for (LoadTarget target : singleTargets) {
                    fixedRatePhase(target, rate, Report.ratePhase(rate), results, probe, pool, pids, foreign);
                }
            }
            FixedRates shared = new FixedRates(List.of(halfRate, lowRate));
            Map<String, List<Double>> ceilingRates = new LinkedHashMap<>();
            for (LoadTarget target : storefrontTargets) {
                List<Double> rates = shared.forTarget(results.maxThroughput(target.name()));
                ceilingRates
                        .computeIfAbsent(ceilingOf(target.name()), ceiling -> new ArrayList<>())
                        .addAll(rates);
                for (double rate : rates) {
                    fixedRatePhase(target, rate, Report.ratePhase(rate), results, probe, pool, pids, foreign);
                }
            }
            for (LoadTarget ceiling : singleTargets) {
                // a slow target's own rate, so that its row has the ceiling beside it
                for (double rate :
                        FixedRates.ownRates(ceilingRates.getOrDefault(ceiling.name(), List.of()), shared.shared())) {
                    fixedRatePhase(ceiling, rate, Report.ratePhase(rate), results, probe, pool, pids, foreign);
                }
            }
            if (batches.isPresent()) {
                List<Double> taskRates = batches.get()
                        .fixedTaskRates(results.maxTaskThroughput(batches.get().directName()));
                results.batchHalfTaskRate = taskRates.getFirst();
                for (double taskRate : taskRates) {
                    for (LoadTarget target : batchTargets) {
                        fixedRatePhase(
                                target,
                                target.requestRate(taskRate),
                                Report.taskRatePhase(taskRate, target.tasksPerRequest()),
                                results,
                                probe,
                                pool,
                                pids,
                                foreign);
                    }
                }
            }

            results.foreignJvms = List.copyOf(foreign);
            results.rssKilobytes = probe.rssKilobytes();
            results.pssKilobytes = probe.pssKilobytes();
            results.backlogAtEnd = outboxBacklog(supervisor.baseUrl());
            long drainStart = System.nanoTime();
            double backlog = results.backlogAtEnd;
            while (backlog > 0
                    && System.nanoTime() - drainStart < Duration.ofSeconds(60).toNanos()) {
                Thread.sleep(1_000);
                backlog = outboxBacklog(supervisor.baseUrl());
            }
            results.backlogAfterDrain = backlog;
            results.drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            results.wallSeconds = Duration.between(began, Instant.now()).toSeconds();

            String markdown = Report.markdown(results);
            String json = Report.json(results);
            System.out.println();
            System.out.println(markdown);
            System.out.println(json);
            Files.writeString(buildDirectory.resolve("benchmark-results.md"), markdown);
            Files.writeString(buildDirectory.resolve("benchmark-results.json"), json + "\n");
        } finally {
            stop.run();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void fixedRatePhase(
            LoadTarget target,
            double requestRate,
            String phase,
            Results results,
            ProcessProbe probe,
            PoolSampler pool,
            Map<String, Long> pids,
            Set<String> foreign)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "%s: %s, %ds warm-up + %ds...%n",
                target.name(),
                phase,
                openWarmUp.toSeconds(),
                measured.toSeconds());
        AtomicReference<Map<String, Double>> cpu = new AtomicReference<>();
        Thread sampler = sampleCpu(probe, openWarmUp, measured, cpu, pids, foreign);
        var sampled = pool.during(() ->
                OpenLoop.run(target, requestRate, openWarmUp, measured, OPEN_LOOP_CONNECTIONS, Duration.ofSeconds(15)));
        sampler.join();
        results.add(target, phase, sampled.result(), cpu.get(), sampled.pool());
        System.out.println("  " + Report.describe(sampled.result(), target.tasksPerRequest()));
    }

    private Thread sampleCpu(
            ProcessProbe probe,
            Duration before,
            Duration window,
            AtomicReference<Map<String, Double>> result,
            Map<String, Long> ours,
            Set<String> foreign) {
        return Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(before);
                Map<String, Long> start = probe.cpuTicks();
                long t0 = System.nanoTime();
                Thread.sleep(window.minusMillis(200));
                Map<String, Long> end = probe.cpuTicks();
                result.set(ProcessProbe.cpuPercent(start, end, (System.nanoTime() - t0) / 1e9));
                foreign.addAll(foreignJvms(ours));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static Map<String, Long> servicePids(PlatformLauncher platform, Process hello) {
        // PlatformLauncher does not expose pids; its children are the service JVMs, told apart by their jar
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("hello app", hello.pid());
        ProcessHandle.current().children().forEach(child -> {
            String commandLine = child.info().commandLine().orElse("");
            for (String module : platform.residentSetKilobytes().keySet()) {
                if (commandLine.contains("/" + module + "-" + VERSION + "-exec.jar")) {
                    pids.put(module, child.pid());
                }
            }
        });
        return pids;
    }

    private static Process startHello(Path jar, Path logs, int port) throws IOException {
        Files.createDirectories(logs);
        // the same JVM options PlatformLauncher gives the services, with the supervisor's heap
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(PlatformLauncher.jvmOptions(ServiceSpec.SUPERVISOR.heap()));
        command.addAll(List.of("-jar", jar.toString(), "hello"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("hello.log").toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(PlatformLauncher.NATIVE_MEMORY_ENVIRONMENT);
        return builder.start();
    }

    private void awaitHello(Process hello, int port, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline)) {
            if (!hello.isAlive()) {
                throw new IllegalStateException("the hello app exited with " + hello.exitValue());
            }
            try {
                if (post("http://127.0.0.1:" + port + "/hello", TASK_BODY, null).statusCode() == 201) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hello app was not ready in time");
    }

    private String serviceToken(String gateway, String secret) throws Exception {
        return GatewayTokens.clientToken(http, gateway, "bench", secret)
                .orElseThrow(() -> new IllegalStateException("the gateway refused the benchmark's client a token"));
    }

    private void smokeTest(List<Endpoint> endpoints) throws Exception {
        for (Endpoint endpoint : endpoints) {
            // a fresh-id target's placeholder is no one's id: the smoke test asks about someone new too
            String url = endpoint.url()
                    .replace(LoadTarget.FRESH_ID, UUID.randomUUID().toString());
            HttpRequest.Builder request = endpoint.isRead()
                    ? HttpRequest.newBuilder(URI.create(url)).GET()
                    : HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
            endpoint.headers().forEach(request::header);
            HttpResponse<String> response = send(request, null);
            if (response.statusCode() != endpoint.expectedStatus()) {
                throw new IllegalStateException(
                        endpoint.name() + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    /**
     * The storefront's requests through the gateway (a customer's recommendations, cached and for someone new each
     * time; a product page; a support chat reply) and an exchange's bid request straight at the ad agent, as the
     * exchanges call it.
     */
    private static List<Endpoint> storefrontEndpoints(String gateway, String ad, StoreEvents store, String token) {
        String forUser = gateway + "/api/v1/recommendations/users/";
        return List.of(
                Endpoint.read(
                        RECOMMENDATION_CACHED,
                        forUser + store.customers.getFirst().id(),
                        token),
                // a user never asked about before misses the cache; with no history, the list is the cold start's
                Endpoint.read(RECOMMENDATION_UNCACHED, forUser + LoadTarget.FRESH_ID, token),
                Endpoint.read(
                        PRODUCT_PAGE,
                        gateway + "/api/v1/products/"
                                + store.products.getFirst().id(),
                        token),
                Endpoint.answer(SUPPORT_REPLY, gateway + "/api/v1/support/messages", SUPPORT_MESSAGE, bearer(token)),
                Endpoint.answer(
                        BID_DIRECT,
                        ad + "/api/v1/ads/openrtb/bid",
                        bidRequest(),
                        Map.of("X-Exchange-Key", EXCHANGE_KEY)));
    }

    /** The ceiling beside a storefront target: the hello app behind the same gateway, or direct for the bid. */
    static String ceilingOf(String target) {
        return target.equals(BID_DIRECT) ? "hello" : HELLO_THROUGH_GATEWAY;
    }

    /** One 300x250 banner on a news site for a reader in the campaign's region, as the ad agent's tests send it. */
    static String bidRequest() {
        return "{\"id\":\"bench-request\",\"imp\":[{\"id\":\"1\",\"banner\":{\"w\":300,\"h\":250},"
                + "\"bidfloor\":0.01,\"bidfloorcur\":\"EUR\"}],\"site\":{\"domain\":\"news.example\"},"
                + "\"device\":{\"ua\":\"Mozilla/5.0\",\"geo\":{\"region\":\"" + AD_REGION + "\"}}}";
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /**
     * A target as the smoke test sends it once (readable, with the response body) before the load repeats it: a POST
     * of {@code body}, or a GET where the body is null; a URL with {@link LoadTarget#FRESH_ID} asks about a new id in
     * every request.
     */
    private record Endpoint(
            String name,
            String url,
            String body,
            Map<String, String> headers,
            int tasksPerRequest,
            int expectedStatus) {

        /** A submission: 201 when accepted. */
        Endpoint(String name, String url, String body, String bearer, int tasksPerRequest) {
            this(name, url, body, bearer(bearer), tasksPerRequest, 201);
        }

        static Endpoint read(String name, String url, String bearer) {
            return new Endpoint(name, url, null, bearer(bearer), 1, 200);
        }

        /** A POST answered with 200 and a result, not a submission. */
        static Endpoint answer(String name, String url, String body, Map<String, String> headers) {
            return new Endpoint(name, url, body, headers, 1, 200);
        }

        boolean isRead() {
            return body == null;
        }

        LoadTarget target() {
            if (url.contains(LoadTarget.FRESH_ID)) {
                return LoadTarget.getWithFreshId(name, url, headers);
            }
            return isRead()
                    ? LoadTarget.get(name, url, headers)
                    : LoadTarget.post(name, url, body, headers, tasksPerRequest);
        }
    }

    private HttpResponse<String> get(String url, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), bearer);
    }

    /**
     * A product announced to the platform as the storefront would (through the supervisor's event intake, onto the
     * product topic), and its stock once the inventory agent has taken it in: what a product page's stock check
     * reads.
     */
    private String stockedProduct(String supervisor, String inventory, String token) throws Exception {
        String sku = "BENCH-" + randomHex(4).toUpperCase(Locale.ROOT);
        String product = StoreEvents.productUpserted(
                new StoreEvents.Product(UUID.randomUUID(), sku, "lighting", "3.39"), UUID.randomUUID(), Instant.now());
        HttpResponse<String> accepted = post(supervisor + "/api/v1/events", product, token);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("product event answered " + accepted.statusCode() + ": " + accepted.body());
        }
        awaitOk(inventory + "/api/v1/inventory/stock/" + sku, token, "the stock of " + sku);
        return sku;
    }

    /**
     * A small store announced like the product above, once the recommendation agent has taken in the catalogue and a
     * model trained on the orders is in service: what the recommendation and product page targets read.
     */
    private StoreEvents seededStore(String supervisor, String recommendation, String kafka, String token)
            throws Exception {
        StoreEvents store = StoreEvents.seeded(42, Instant.now());
        announce(supervisor, store.catalogueAndCustomers(), token);
        awaitOk(recommendation + "/api/v1/products/" + store.products.getLast().id(), token, "the catalogue");
        List<String> orders = store.orders();
        try (ConsumerProgress progress = new ConsumerProgress(kafka)) {
            long before = progress.written(ORDERS_TOPIC);
            announce(supervisor, orders, token);
            // a retraining before the agent has the purchases would learn nothing from them
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!progress.hasRead(RECOMMENDATION_GROUP, ORDERS_TOPIC, before + orders.size())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the recommendation agent did not read the " + orders.size() + " orders within 2 minutes");
                }
                Thread.sleep(250);
            }
        }
        retrainedRecommendations(supervisor, recommendation, store, token);
        return store;
    }

    private void announce(String supervisor, List<String> events, String token) throws Exception {
        HttpResponse<String> accepted = post(supervisor + "/api/v1/events/batch", StoreEvents.batch(events), token);
        if (accepted.statusCode() != 200) {
            throw new IllegalStateException("event batch answered " + accepted.statusCode() + ": " + accepted.body());
        }
    }

    /**
     * Asks the recommendation agent (a task through the supervisor, as an operator would) to train on the orders
     * instead of waiting for its schedule, and waits for the new version in a customer's list.
     */
    private void retrainedRecommendations(String supervisor, String recommendation, StoreEvents store, String token)
            throws Exception {
        String forUser = recommendation + "/api/v1/recommendations/users/"
                + store.customers.getFirst().id();
        int before = modelVersion(awaitOk(forUser, token, "recommendations"));
        String task = "{\"task_type\":\"retrain-recommendation-models\",\"agent_id\":\""
                + ServiceSpec.RECOMMENDATION.agentId() + "\",\"priority\":5,\"input_data\":{}}";
        HttpResponse<String> submitted = post(supervisor + "/api/v1/agents/tasks", task, token);
        if (submitted.statusCode() != 201) {
            throw new IllegalStateException(
                    "retraining task answered " + submitted.statusCode() + ": " + submitted.body());
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String list = awaitOk(forUser, token, "recommendations");
            if (modelVersion(list) > before && list.contains("\"product_id\"")) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the recommendation agent served no retrained model within 2 minutes");
    }

    static int modelVersion(String recommendations) {
        Matcher version = MODEL_VERSION.matcher(recommendations);
        return version.find() ? Integer.parseInt(version.group(1)) : -1;
    }

    /**
     * An active ad campaign with money to bid, set up through the APIs: a marketing budget at finance for this
     * month, a campaign created and activated at the ad agent, whose allowance keeper then reserves a tranche of
     * its daily budget from finance. Ready when the ad agent bids on the benchmark's request.
     */
    private void fundedCampaign(String finance, String ad, String token) throws Exception {
        String budget = "{\"fiscal_period\":\"" + YearMonth.now(ZoneOffset.UTC)
                + "\",\"allocated_amount\":\"1000000.00\",\"currency\":\"EUR\"}";
        HttpResponse<String> funded = send(
                HttpRequest.newBuilder(URI.create(finance + "/api/v1/financial/budgets/marketing"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(budget)),
                token);
        if (funded.statusCode() != 201 && funded.statusCode() != 200) {
            throw new IllegalStateException("marketing budget answered " + funded.statusCode() + ": " + funded.body());
        }
        HttpResponse<String> created = post(ad + "/api/v1/ads/campaigns", adCampaign(), token);
        Matcher id = CREATED_ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("ad campaign answered " + created.statusCode() + ": " + created.body());
        }
        HttpResponse<String> activated =
                post(ad + "/api/v1/ads/campaigns/" + id.group(1) + "/activate", "{\"reason\":\"benchmark\"}", token);
        if (activated.statusCode() != 200) {
            throw new IllegalStateException(
                    "campaign activation answered " + activated.statusCode() + ": " + activated.body());
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> bid = send(
                    HttpRequest.newBuilder(URI.create(ad + "/api/v1/ads/openrtb/bid"))
                            .header("Content-Type", "application/json")
                            .header("X-Exchange-Key", EXCHANGE_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(bidRequest())),
                    null);
            if (bid.statusCode() == 200) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("the ad agent placed no bid for the funded campaign within 2 minutes");
    }

    /** A campaign like the ad agent's tests' (one 300x250 creative for one region), with room to bid all run. */
    static String adCampaign() {
        return "{\"name\":\"Benchmark campaign\",\"platform\":\"META\",\"daily_budget\":100.00,"
                + "\"total_budget\":1000.00,\"currency\":\"EUR\",\"value_per_conversion\":40.00,"
                + "\"target_cpa\":20.00,\"ad_groups\":[{\"name\":\"Benchmark readers\",\"regions\":[\""
                + AD_REGION + "\"],\"creatives\":[{\"name\":\"Benchmark banner\",\"width\":300,\"height\":250,"
                + "\"landing_domain\":\"shop.example\"}]}]}";
    }

    /** The body of a GET once it answers 200, waiting up to two minutes for a service to take in what it reads. */
    private String awaitOk(String url, String token, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(url, token);
            if (response.statusCode() == 200) {
                return response.body();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(what + " did not answer 200 at " + url + " within 2 minutes");
    }

    private HttpResponse<String> post(String url, String body, String bearer) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                bearer);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws Exception {
        request.timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The supervisor's outbox backlog gauge; NaN when it cannot be read. */
    private double outboxBacklog(String supervisor) {
        return PrometheusScrape.read(http, supervisor)
                .flatMap(scrape -> PrometheusScrape.gauge(scrape, "outbox_backlog"))
                .map(Integer::doubleValue)
                .orElse(Double.NaN);
    }

    /** Java processes on the machine that are not this run's (test JVMs, another local platform...). */
    private static List<String> foreignJvms(Map<String, Long> ours) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self && !ours.containsValue(process.pid()))
                .filter(process -> process.info().command().orElse("").endsWith("/java"))
                .map(process -> process.pid() + " "
                        + abbreviate(process.info().commandLine().orElse("?")))
                .toList();
    }

    private static String abbreviate(String commandLine) {
        String[] words = commandLine.split(" ");
        return words[words.length - 1].length() > 60 || words.length < 2
                ? commandLine.substring(Math.max(0, commandLine.length() - 80))
                : String.join(" ", Arrays.copyOfRange(words, Math.max(0, words.length - 4), words.length));
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left behind under target/
        }
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
    }

    /** Everything a run found, for the report. */
    static final class Results {
        final Map<String, Map<String, Summary>> phases = new LinkedHashMap<>();
        final Map<String, Map<String, Map<String, Double>>> cpu = new LinkedHashMap<>();
        final Map<String, Integer> tasksPerRequest = new LinkedHashMap<>();
        final Map<String, Map<String, PoolSampler.PoolUse>> supervisorPool = new LinkedHashMap<>();
        final List<String> phaseOrder = new ArrayList<>();
        double halfRate;
        double lowRate;
        Optional<BatchIntake> batches = Optional.empty();
        double batchHalfTaskRate = Double.NaN;
        Map<String, Long> rssKilobytes = Map.of();
        Map<String, Long> pssKilobytes = Map.of();
        double backlogAtEnd = Double.NaN;
        double backlogAfterDrain = Double.NaN;
        double drainSeconds;
        List<String> foreignJvms = List.of();
        final Map<String, WarmUp.Result> warmUps = new LinkedHashMap<>();
        Duration warmUpSlice = WARM_UP_SLICE;
        boolean rateLimit = true;
        long wallSeconds;

        void add(
                LoadTarget target,
                String phase,
                Summary summary,
                Map<String, Double> cpuPercent,
                PoolSampler.PoolUse poolUse) {
            tasksPerRequest.put(target.name(), target.tasksPerRequest());
            phases.computeIfAbsent(target.name(), t -> new LinkedHashMap<>()).put(phase, summary);
            supervisorPool
                    .computeIfAbsent(target.name(), t -> new LinkedHashMap<>())
                    .put(phase, poolUse);
            cpu.computeIfAbsent(target.name(), t -> new LinkedHashMap<>())
                    .put(phase, cpuPercent == null ? Map.of() : cpuPercent);
            if (!phaseOrder.contains(phase)) {
                phaseOrder.add(phase);
            }
        }

        double maxThroughput(String target) {
            return phases.getOrDefault(target, Map.of()).entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("closed"))
                    .mapToDouble(entry -> entry.getValue().throughput())
                    .max()
                    .orElse(0);
        }

        int tasksPerRequest(String target) {
            return tasksPerRequest.getOrDefault(target, 1);
        }

        /** Throughput counts 2xx responses; each one accepted all the tasks of its request. */
        double tasksPerSecond(String target, Summary summary) {
            return summary.throughput() * tasksPerRequest(target);
        }

        double maxTaskThroughput(String target) {
            return maxThroughput(target) * tasksPerRequest(target);
        }

        String maxPhase(String target) {
            return phases.getOrDefault(target, Map.of()).entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith("closed"))
                    .max(Comparator.comparingDouble(entry -> entry.getValue().throughput()))
                    .map(Map.Entry::getKey)
                    .orElse("");
        }
    }
}

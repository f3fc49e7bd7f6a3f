package com.agentfactory.infra.platform;

import com.agentfactory.infra.LocalInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts platform services as separate JVMs from their runnable jars, wired to the local infrastructure
 * and to each other, each with its stated heap. Used by the local run, the end-to-end tests and the
 * benchmark, so all three run the services exactly as deployed.
 */
public final class PlatformLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlatformLauncher.class);
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path projectRoot;
    private final Path logDirectory;
    private final LocalInfrastructure infrastructure;
    private final Map<String, String> environment;
    private final Map<String, Map<String, String>> ownEnvironment = new LinkedHashMap<>();
    /** The signing key, the administrator's sign-in and the clients' secrets: the gateway's alone. */
    private static final java.util.Set<String> GATEWAY_SECRETS =
            java.util.Set.of("JWT_SIGNING_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "AGENTFACTORY_SERVICE_CLIENTS");
    /** The agents that call another service (finance, the recommendation agent) with their own client token. */
    private static final java.util.Set<String> CLIENT_AGENTS =
            java.util.Set.of("ad-agent", "inventory-agent", "campaign-agent");

    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private static final String LAUNCHER_CLIENT = "platform-launcher";
    private String launcherSecret;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, Restarts> restarts = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService supervision;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public PlatformLauncher(
            Path projectRoot,
            Path logDirectory,
            LocalInfrastructure infrastructure,
            List<ServiceSpec> services,
            Map<String, String> extraEnvironment) {
        this.projectRoot = projectRoot;
        this.logDirectory = logDirectory;
        this.infrastructure = infrastructure;
        services.forEach(spec -> specs.put(spec.module(), spec));
        Map<String, String> env = new LinkedHashMap<>(infrastructure.environment());
        for (ServiceSpec spec : services) {
            String name =
                    switch (spec.module()) {
                        case "supervisor-agent" -> "SUPERVISOR_URL";
                        case "support-agent" -> "SUPPORT_URL";
                        case "recommendation-agent" -> "RECOMMENDATION_URL";
                        case "ad-agent" -> "AD_URL";
                        case "inventory-agent" -> "INVENTORY_URL";
                        case "campaign-agent" -> "CAMPAIGN_URL";
                        case "finance-service" -> "FINANCE_URL";
                        default -> null;
                    };
            if (name != null) {
                env.put(name, spec.baseUrl());
            }
        }
        // native libraries the embedding model unpacks stay with the run, not in the home directory
        env.put("DJL_CACHE_DIR", logDirectory.resolve("djl").toAbsolutePath().toString());
        Map<String, String> gatewayOnly = new LinkedHashMap<>();
        extraEnvironment.forEach(
                (name, value) -> (GATEWAY_SECRETS.contains(name) ? gatewayOnly : env).put(name, value));
        services.stream()
                .filter(spec -> spec.module().equals(ServiceSpec.GATEWAY.module()))
                .findFirst()
                .ifPresent(gateway -> {
                    // every service verifies tokens with the gateway's published keys; agents that call
                    // another service get their own client credentials from it
                    env.put("JWKS_URI", gateway.baseUrl() + "/.well-known/jwks.json");
                    env.put("GATEWAY_TOKEN_URI", gateway.baseUrl() + "/api/v1/auth/token");
                    gatewayOnly.putIfAbsent("JWT_SIGNING_KEY", PlatformSecrets.signingKeyPem());
                });
        List<String> clients = new ArrayList<>();
        if (gatewayOnly.containsKey("AGENTFACTORY_SERVICE_CLIENTS")) {
            clients.add(gatewayOnly.get("AGENTFACTORY_SERVICE_CLIENTS"));
        }
        for (ServiceSpec spec : services) {
            if (CLIENT_AGENTS.contains(spec.module())) {
                String secret = PlatformSecrets.randomSecret();
                ownEnvironment.put(
                        spec.module(), Map.of("SERVICE_CLIENT_ID", spec.module(), "SERVICE_CLIENT_SECRET", secret));
                clients.add(spec.module() + ":" + secret);
            }
        }
        if (specs.containsKey(ServiceSpec.GATEWAY.module()) && specs.containsKey(ServiceSpec.SUPERVISOR.module())) {
            // the supervisor refuses requests without a gateway token, its task-type catalogue too: the launcher
            // asks for that catalogue with a token of its own client
            launcherSecret = PlatformSecrets.randomSecret();
            clients.add(LAUNCHER_CLIENT + ":" + launcherSecret);
        }
        if (!clients.isEmpty()) {
            gatewayOnly.put("AGENTFACTORY_SERVICE_CLIENTS", String.join(",", clients));
        }
        ownEnvironment.put(ServiceSpec.GATEWAY.module(), Map.copyOf(gatewayOnly));
        this.environment = env;
    }

    /** What only this service gets beside the shared environment: its own secrets. */
    private Map<String, String> environmentOf(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(ownEnvironment.getOrDefault(spec.module(), Map.of()));
        return env;
    }

    /**
     * Starts every service, then waits until each reports ready and, when the supervisor runs, until it knows
     * the task types of every agent started (tasks of a type not yet announced would be refused).
     */
    public void startAll(Duration timeout) {
        specs.values().forEach(this::start);
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        for (ServiceSpec spec : specs.values()) {
            awaitReady(spec, deadline);
            log.info(
                    "{} ready on port {} ({} s)",
                    spec.module(),
                    spec.port(),
                    Duration.between(started, Instant.now()).toSeconds());
        }
        log.info("Waiting until the supervisor knows every agent's task types...");
        awaitAnnouncedTaskTypes(deadline);
    }

    /**
     * From now on a service that exits without being asked to is started again, after 1 s, then 2, 4, ... up to
     * 30 s between attempts (back to 1 s once it has run for a minute), and each restart is logged.
     */
    public synchronized void superviseRestarts() {
        if (supervision != null) {
            return;
        }
        supervision = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("launcher-supervision").daemon(true).factory());
        supervision.scheduleWithFixedDelay(this::restartCrashed, 1, 1, TimeUnit.SECONDS);
    }

    private void restartCrashed() {
        Instant now = Instant.now();
        for (ServiceSpec spec : specs.values()) {
            Process process = processes.get(spec.module());
            if (process == null || process.isAlive()) {
                continue;
            }
            Restarts history = restarts.computeIfAbsent(spec.module(), module -> new Restarts());
            if (history.due == null) {
                history.due = now.plus(history.nextBackoff(now));
                log.warn(
                        "{} exited with code {}; restarting in {} s (restart {}); log: {}",
                        spec.module(),
                        process.exitValue(),
                        Duration.between(now, history.due).toSeconds(),
                        history.count + 1,
                        logDirectory.resolve(spec.module() + ".log"));
            } else if (!now.isBefore(history.due)) {
                history.due = null;
                history.count++;
                history.lastStart = now;
                try {
                    start(spec);
                    log.warn(
                            "{} restarted (pid {})",
                            spec.module(),
                            processes.get(spec.module()).pid());
                } catch (RuntimeException e) {
                    log.error("{} could not be restarted: {}", spec.module(), e.getMessage());
                }
            }
        }
    }

    /** Stops one service gracefully (SIGTERM, then SIGKILL after 20 s), starts it again and waits until it is ready. */
    public void restart(String module, Duration timeout) {
        ServiceSpec spec = spec(module);
        Process process = processes.remove(module);
        if (process != null) {
            stopGracefully(process);
        }
        restarts.remove(module);
        start(spec);
        awaitReady(spec, Instant.now().plus(timeout));
    }

    /** Every service with its state, port, PID and memory, then the infrastructure processes this JVM started. */
    public List<ProcessStatus> status() {
        List<ProcessStatus> rows = new ArrayList<>();
        for (ServiceSpec spec : specs.values()) {
            Process process = processes.get(spec.module());
            Restarts history = restarts.get(spec.module());
            int restartCount = history == null ? 0 : history.count;
            if (process == null) {
                rows.add(ProcessStatus.absent(spec.module(), "STOPPED", spec.port(), restartCount));
            } else if (!process.isAlive()) {
                rows.add(ProcessStatus.absent(spec.module(), "RESTARTING", spec.port(), restartCount));
            } else {
                rows.add(ProcessStatus.of(
                        spec.module(), ready(spec) ? "UP" : "STARTING", spec.port(), process.pid(), restartCount));
            }
        }
        rows.addAll(ProcessStatus.infrastructure(
                processes.values().stream().map(Process::pid).toList(), infrastructure.postgresPid()));
        return rows;
    }

    private boolean ready(ServiceSpec spec) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** When a crashed service may be started again: doubling waits, forgiven after a minute of running. */
    private static final class Restarts {
        private static final Duration FIRST = Duration.ofSeconds(1);
        private static final Duration LONGEST = Duration.ofSeconds(30);
        private static final Duration FORGIVEN_AFTER = Duration.ofMinutes(1);

        int count;
        int consecutive;
        Instant lastStart;
        Instant due;

        Duration nextBackoff(Instant now) {
            if (lastStart != null && Duration.between(lastStart, now).compareTo(FORGIVEN_AFTER) > 0) {
                consecutive = 0;
            }
            Duration wait = FIRST.multipliedBy(1L << Math.min(consecutive, 5));
            consecutive++;
            return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
        }
    }

    /** Waits until the supervisor lists task types of each started agent type. */
    public void awaitAnnouncedTaskTypes(Instant deadline) {
        ServiceSpec supervisor = specs.get(ServiceSpec.SUPERVISOR.module());
        if (supervisor == null) {
            return;
        }
        List<String> agentTypes = specs.values().stream()
                .map(ServiceSpec::agentType)
                .filter(java.util.Objects::nonNull)
                .toList();
        URI taskTypes = URI.create(supervisor.baseUrl() + "/api/v1/agents/task-types");
        String token = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (token == null && launcherSecret != null) {
                    token = launcherToken();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(taskTypes)
                        .timeout(Duration.ofSeconds(2))
                        .GET();
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 401) {
                    token = null; // expired or not yet verifiable: ask for a new one
                }
                String body = response.body().replace(" ", "");
                if (response.statusCode() == 200
                        && agentTypes.stream().allMatch(type -> body.contains("\"agent_type\":\"" + type + "\""))) {
                    return;
                }
            } catch (IOException e) {
                // the supervisor restarts or is not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the agents' task types", e);
            }
            pause();
        }
        throw new IllegalStateException("the supervisor did not learn the task types of " + agentTypes
                + " in time; see the agents' logs in " + logDirectory);
    }

    /** A client-credentials token from the gateway for the launcher's own client, or null while it refuses. */
    private String launcherToken() throws IOException, InterruptedException {
        String gateway = specs.get(ServiceSpec.GATEWAY.module()).baseUrl();
        return GatewayTokens.clientToken(http, gateway, LAUNCHER_CLIENT, launcherSecret)
                .orElse(null);
    }

    /**
     * glibc's malloc gives each thread that allocates natively an arena of its own (up to 8 per core); two are
     * enough for a JVM, whose heap is not malloc'd, and keep freed native memory from sitting in idle arenas.
     */
    public static final Map<String, String> NATIVE_MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /**
     * The JVM options of a service in the local run and the benchmark; the k8s manifests and docker-compose give the
     * same heap and memory options (their metaspace and code cache caps are smaller). The heap starts small and is
     * given back after a full collection when over 30% of it is free: with the JVM's default initial heap (1/64 of
     * the machine, so the whole -Xmx here) every service had touched its whole young generation after the demo's
     * replay, whatever it kept live (docs/benchmarks.md, memory). The serial collector gives back only part of the
     * free heap at each full collection unless told otherwise (0%, 10%, 40%, then all, so a program that collects
     * between phases does not shrink and regrow): a service whose old generation a batch had grown (the
     * recommendation agent's retraining) kept it for as long as no fourth full collection came. Freed native memory
     * is returned to the system every 30 s.
     */
    public static List<String> jvmOptions(String heap) {
        return List.of(
                "-Xmx" + heap,
                "-Xms16m",
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30",
                "-XX:-ShrinkHeapInSteps",
                "-Xss512k",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=160m",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:TrimNativeHeapInterval=30000",
                "--enable-native-access=ALL-UNNAMED");
    }

    /**
     * {@link #jvmOptions(String)} with what the service sets for itself ({@link ServiceSpec}): G1 with a periodic
     * collection in place of the serial collector, and a young-generation cap.
     */
    public static List<String> jvmOptions(ServiceSpec spec) {
        List<String> options = new ArrayList<>(jvmOptions(spec.heap()));
        if (spec.periodicCollection()) {
            options.set(options.indexOf("-XX:+UseSerialGC"), "-XX:+UseG1GC");
            options.add("-XX:G1PeriodicGCInterval=60000");
        }
        if (spec.maxYoungGeneration() != null) {
            options.add("-XX:MaxNewSize=" + spec.maxYoungGeneration());
        }
        return List.copyOf(options);
    }

    public void start(ServiceSpec spec) {
        Path jar = projectRoot
                .resolve(spec.module())
                .resolve("target")
                .resolve(spec.module() + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("missing " + jar + ": build it first (./mvnw -DskipTests package)");
        }
        try {
            Files.createDirectories(logDirectory);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions(spec));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logDirectory.resolve(spec.module() + ".log").toFile()));
            builder.environment().putAll(environmentOf(spec));
            builder.environment().putAll(NATIVE_MEMORY_ENVIRONMENT);
            builder.environment().put("PORT", String.valueOf(spec.port()));
            builder.environment().putIfAbsent("DATABASE_POOL_SIZE", String.valueOf(spec.databasePool()));
            builder.environment().putIfAbsent("LOG_FORMAT", "plain");
            processes.put(spec.module(), builder.start());
            log.info("Started {} on port {} (-Xmx{})", spec.module(), spec.port(), spec.heap());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + spec.module() + ": " + e.getMessage(), e);
        }
    }

    public void awaitReady(ServiceSpec spec, Instant deadline) {
        URI readiness = URI.create(spec.baseUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(spec.module());
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(spec.module() + " exited with " + process.exitValue() + "; see "
                        + logDirectory.resolve(spec.module() + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + spec.module(), e);
            }
            pause();
        }
        throw new IllegalStateException(
                spec.module() + " was not ready in time; see " + logDirectory.resolve(spec.module() + ".log"));
    }

    /** Kills the service at once (SIGKILL): no shutdown hooks, no graceful drain. */
    public void kill(String module) {
        Process process = processes.remove(module);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean manages(String module) {
        return specs.containsKey(module);
    }

    List<String> modules() {
        return List.copyOf(specs.keySet());
    }

    public ServiceSpec spec(String module) {
        return specs.get(module);
    }

    public Map<String, Long> residentSetKilobytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        processes.forEach((module, process) -> rss.put(module, ProcessMemory.rssKilobytes(process.pid())));
        return rss;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Stops supervision first, so nothing is restarted while everything this launcher started is stopped. */
    @Override
    public void close() {
        ScheduledExecutorService running = supervision;
        if (running != null) {
            running.shutdownNow();
        }
        List<Process> started = new ArrayList<>(processes.values());
        processes.clear();
        started.forEach(Process::destroy);
        started.forEach(PlatformLauncher::stopGracefully);
    }

    private static void stopGracefully(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250); // polling a child process's HTTP port; there is nothing to block on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

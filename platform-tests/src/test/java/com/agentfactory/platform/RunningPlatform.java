package com.agentfactory.platform;

import com.agentfactory.infra.FreePorts;
import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.platform.PlatformLauncher;
import com.agentfactory.infra.platform.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The gateway, the supervisor, the five agents and the finance service as separate JVMs on the JVM's shared infrastructure,
 * started once for all end-to-end tests, supervised like the local run, and stopped when the JVM exits.
 */
final class RunningPlatform {

    static final String ADMIN_EMAIL = "e2e-admin@agentfactory.test";
    static final String ADMIN_PASSWORD = secret(16);
    static final String SERVICE_CLIENT = "e2e-replay";
    static final String SERVICE_SECRET = secret(24);
    /**
     * The key the tests bid with as the ad agent's exchange, made for this run: the agent holds its SHA-256 (the
     * simulated exchange's well-known key is refused while that exchange's own traffic is off, as it is here).
     */
    static final String EXCHANGE_KEY = secret(24);

    private static RunningPlatform instance;

    final LocalInfrastructure infrastructure;
    final PlatformLauncher launcher;
    final ServiceSpec gateway;
    final ServiceSpec supervisor;
    final ServiceSpec support;
    final ServiceSpec inventory;
    final ServiceSpec finance;
    final ServiceSpec ad;
    final ServiceSpec recommendation;
    final ServiceSpec campaign;
    final Path projectRoot;

    private RunningPlatform() {
        infrastructure = LocalInfrastructure.shared();
        projectRoot = Path.of(System.getProperty("agentfactory.project.root", ".."))
                .toAbsolutePath()
                .normalize();
        int[] ports = FreePorts.distinct(8);
        supervisor = ServiceSpec.SUPERVISOR.onPort(ports[0]);
        support = ServiceSpec.SUPPORT.onPort(ports[1]);
        inventory = ServiceSpec.INVENTORY.onPort(ports[2]);
        finance = ServiceSpec.FINANCE.onPort(ports[3]);
        ad = ServiceSpec.AD.onPort(ports[4]);
        recommendation = ServiceSpec.RECOMMENDATION.onPort(ports[5]);
        campaign = ServiceSpec.CAMPAIGN.onPort(ports[6]);
        gateway = ServiceSpec.GATEWAY.onPort(ports[7]);
        launcher = new PlatformLauncher(
                projectRoot,
                Path.of("target", "service-logs").toAbsolutePath(),
                infrastructure,
                List.of(supervisor, support, inventory, finance, ad, recommendation, campaign, gateway),
                Map.of(
                        "ADMIN_EMAIL",
                        ADMIN_EMAIL,
                        "ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "AGENTFACTORY_SERVICE_CLIENTS",
                        SERVICE_CLIENT + ":" + SERVICE_SECRET,
                        "AGENT_HEARTBEAT_INTERVAL",
                        "2s",
                        "AD_BUDGET_KEEPER_INTERVAL",
                        "2s",
                        "AD_EXCHANGE_SIMULATED_KEY_SHA256",
                        sha256Hex(EXCHANGE_KEY),
                        "AD_EXCHANGE_WIN_NOTICE_SECRET",
                        "platform-tests-win-notice-secret",
                        // the campaign agent has no default secrets either (tracking falls back to unsubscribe's)
                        "CAMPAIGN_UNSUBSCRIBE_SECRET",
                        "platform-tests-unsubscribe-secret",
                        "CAMPAIGN_WEBHOOK_SECRET",
                        "platform-tests-webhook-secret",
                        // the gateway logs only refusals, failures and slow requests by default; the tracing test
                        // follows a successful request into its access log line
                        "ACCESS_LOG_ALL_REQUESTS",
                        "true"));
        // eight JVMs starting at once on a small, busy CI machine can each take minutes; a machine busier still
        // (the fault harness beside other builds) can allow more with -Dagentfactory.platform.start-minutes
        try {
            launcher.startAll(Duration.ofMinutes(Long.getLong("agentfactory.platform.start-minutes", 8)));
        } catch (RuntimeException e) {
            // no shutdown hook is registered yet: without this, the started services outlive the test JVM
            launcher.close();
            throw e;
        }
        // as the local run does: a service that dies without being told to is started again
        launcher.superviseRestarts();
    }

    static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = new RunningPlatform();
            RunningPlatform started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started.launcher::close, "platform-stop"));
        }
        return instance;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String secret(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}

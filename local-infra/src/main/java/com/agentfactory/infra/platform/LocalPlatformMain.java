package com.agentfactory.infra.platform;

import com.agentfactory.infra.InfrastructureSettings;
import com.agentfactory.infra.LocalInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local run: starts PostgreSQL, Kafka, Redis and an SMTP server, every service as its own JVM, replays the demo data
 * through the gateway, submits a few tasks and prints where everything is. The JWT key and the replay client's secret
 * are generated for this run only. The admin password is generated on the first run and kept in the data directory,
 * readable by its owner only, because the admin account lives in that directory's database: a new password on every
 * run would lock the second run out of its own data ({@code --clean} starts over with a new one).
 *
 * <p>Options: {@code --project DIR} (default: current directory), {@code --data DIR} (default
 * .local-data), {@code --clean} (start from empty data), {@code --no-demo} (skip replay and tasks).
 *
 * <p>While it runs it restarts a crashed service with backoff. A second invocation with {@code status} or
 * {@code restart SERVICE} talks to the running launcher instead of starting one.
 */
public final class LocalPlatformMain {

    private static final String ADMIN_EMAIL = "admin@agentfactory.local";
    private static final String SHOPPER_EMAIL = "shopper@agentfactory.local";
    private static final String REPLAY_CLIENT = "demo-replay";
    /** The local demo's exchange key for trying the ad agent's bid API by hand: public, so never used in earnest. */
    private static final String SIMULATED_EXCHANGE_KEY = "simulated-exchange-key";

    private static final Pattern USER_ID = Pattern.compile("\"user_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PRODUCT_ID = Pattern.compile("\"product_id\"\\s*:\\s*\"([^\"]+)\"");
    // a product's id, SKU and price, in the order GET /api/v1/products/{id} writes them
    private static final Pattern PRODUCT = Pattern.compile(
            "\"product_id\"\\s*:\\s*\"([^\"]+)\".*?\"sku\"\\s*:\\s*\"([^\"]+)\".*?\"price\"\\s*:\\s*([0-9.]+)");
    private static final Pattern TASK_ID = Pattern.compile("\"task_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CAMPAIGN_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    private LocalPlatformMain() {}

    public static void main(String[] args) throws Exception {
        // before the first logger exists: the launcher's own quiet configuration, not a service's
        System.setProperty("logback.configurationFile", "logback-launcher.xml");
        List<String> arguments = Arrays.asList(args);
        Path project =
                Path.of(option(arguments, "--project", ".")).toAbsolutePath().normalize();
        Path data = project.resolve(option(arguments, "--data", ".local-data"));
        Path controlFile = data.resolve("launcher.control");
        if (arguments.contains("status")) {
            System.exit(LauncherControl.call(controlFile, "/status"));
        }
        int restart = arguments.indexOf("restart");
        if (restart >= 0) {
            if (restart + 1 >= arguments.size()) {
                System.err.println("Usage: run-platform.sh restart SERVICE (for example: restart support)");
                System.exit(2);
            }
            System.exit(LauncherControl.call(controlFile, "/restart/" + arguments.get(restart + 1)));
        }
        boolean demo = !arguments.contains("--no-demo");

        String replaySecret = randomSecret(24);
        System.out.println("Starting PostgreSQL, Kafka, Redis and SMTP (data in " + data + ")...");
        LocalInfrastructure infrastructure =
                LocalInfrastructure.start(InfrastructureSettings.forLocalRun(data, arguments.contains("--clean")));
        String adminPassword = keptSecret(data, "admin-password", arguments.contains("--clean"));
        String shopperPassword = keptSecret(data, "demo-shopper-password", arguments.contains("--clean"));
        String customerPassword = keptSecret(data, "demo-customer-password", arguments.contains("--clean"));
        PlatformLauncher platform = new PlatformLauncher(
                project,
                data.resolve("logs"),
                infrastructure,
                ServiceSpec.all(),
                Map.ofEntries(
                        Map.entry("ADMIN_EMAIL", ADMIN_EMAIL),
                        Map.entry("ADMIN_PASSWORD", adminPassword),
                        Map.entry("AGENTFACTORY_SERVICE_CLIENTS", REPLAY_CLIENT + ":" + replaySecret),
                        // the demo's ad campaigns bid against simulated traffic, so their allocation learns
                        Map.entry("AD_SIMULATED_EXCHANGE_ENABLED", Boolean.toString(demo)),
                        Map.entry("AD_EXCHANGE_SIMULATED_KEY_SHA256", simulatedExchangeKeyHash(demo)),
                        // made afresh each run: a restarted ad agent gets the same one, so its win notices still hold
                        Map.entry("AD_EXCHANGE_WIN_NOTICE_SECRET", randomSecret(24)),
                        // the specification's abandoned-cart journey runs in the demo; its e-mails reach the local
                        // SMTP server, with unsubscribe links through the gateway
                        Map.entry("CAMPAIGN_DEMO_JOURNEY", Boolean.toString(demo)),
                        Map.entry("CAMPAIGN_PUBLIC_BASE_URL", ServiceSpec.GATEWAY.baseUrl()),
                        // the campaign agent has no default secrets; like the win-notice secret these last the run,
                        // as long as the local mail server keeps the mails whose links they sign (tracking links
                        // are signed with the unsubscribe secret)
                        Map.entry(
                                "CAMPAIGN_UNSUBSCRIBE_SECRET", configuredOrRandomSecret("CAMPAIGN_UNSUBSCRIBE_SECRET")),
                        Map.entry("CAMPAIGN_WEBHOOK_SECRET", configuredOrRandomSecret("CAMPAIGN_WEBHOOK_SECRET")),
                        // a demo started in the evening should still show its e-mails, not hold them until morning
                        Map.entry("CAMPAIGN_QUIET_HOURS_ENABLED", Boolean.toString(!demo))));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<LauncherControl> control = new AtomicReference<>();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("Stopping the platform...");
                            if (control.get() != null) {
                                control.get().close();
                            }
                            platform.close();
                            infrastructure.close();
                            stopped.countDown();
                        },
                        "platform-shutdown"));

        System.out.println(
                "Starting " + ServiceSpec.all().size() + " services (logs in " + data.resolve("logs") + ")...");
        platform.startAll(Duration.ofMinutes(5));
        platform.superviseRestarts();
        control.set(LauncherControl.serve(platform, controlFile));
        String gateway = ServiceSpec.GATEWAY.baseUrl();
        List<DemoCustomerLogins.DemoLogin> demoCustomers = List.of();
        if (demo) {
            Path customers = data.resolve("demo-customers.tsv");
            replayDemoData(project, gateway, replaySecret, data.resolve("logs"), customers);
            submitDemoTasks(gateway, adminPassword);
            signUpDemoShopper(gateway, shopperPassword);
            demoCustomers = demoCustomerLogins(gateway, adminPassword, customers, customerPassword);
        }
        printSummary(gateway, adminPassword, demo ? shopperPassword : null, platform);
        printDemoCustomers(demoCustomers, customerPassword);
        System.out.println("Press Ctrl-C to stop everything (a crashed service is restarted meanwhile).");
        stopped.await();
    }

    private static void replayDemoData(Path project, String gateway, String replaySecret, Path logs, Path customersFile)
            throws Exception {
        Path jar = project.resolve("demo-data/target/demo-data-0.1.0-SNAPSHOT-exec.jar");
        System.out.println("Replaying the demo data (Online Retail subset) through the gateway...");
        ProcessBuilder replay = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--gateway",
                        gateway,
                        "--customers-file",
                        customersFile.toString())
                .inheritIO();
        replay.environment().put("REPLAY_CLIENT_ID", REPLAY_CLIENT);
        replay.environment().put("REPLAY_CLIENT_SECRET", replaySecret);
        int exit = replay.start().waitFor();
        if (exit != 0) {
            System.out.println(
                    "The replay reported problems (exit " + exit + "); the platform keeps running. Logs: " + logs);
        }
    }

    private static void submitDemoTasks(String gateway, String adminPassword) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = login(http, gateway, adminPassword);
        // a marketing budget for this month, so the demo's budget check has something to reserve from
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        send(
                http,
                token,
                "PUT",
                "/api/v1/financial/budgets/marketing",
                gateway,
                "{\"fiscal_period\":\"" + month + "\",\"allocated_amount\":\"5000.00\",\"currency\":\"GBP\"}");
        // the inventory agent's purchase orders are funded from their own budget
        send(
                http,
                token,
                "PUT",
                "/api/v1/financial/budgets/inventory",
                gateway,
                "{\"fiscal_period\":\"" + month + "\",\"allocated_amount\":\"20000.00\",\"currency\":\"GBP\"}");
        // a supplier for the demo's best sellers, so reorder suggestions have someone to order from
        send(
                http,
                token,
                "POST",
                "/api/v1/inventory/suppliers",
                gateway,
                "{\"name\":\"Hanging Lights Ltd\",\"lead_time_days\":7,\"minimum_order\":24,\"pack_size\":12,"
                        + "\"unit_cost\":1.20,\"currency\":\"GBP\",\"skus\":[\"85123A\",\"22423\",\"47566\","
                        + "\"84879\",\"85099B\"]}");
        // two ad campaigns on the simulated exchange, funded from the marketing budget
        for (String campaign : List.of(
                "{\"name\":\"Christmas lights\",\"platform\":\"GOOGLE_ADS\",\"daily_budget\":40.00,"
                        + "\"total_budget\":600.00,\"currency\":\"GBP\",\"value_per_conversion\":25.00,"
                        + "\"target_cpa\":8.00,\"ad_groups\":[{\"name\":\"UK\",\"regions\":[\"GB\"],"
                        + "\"creatives\":[{\"name\":\"Warm glow\",\"width\":300,\"height\":250,"
                        + "\"landing_domain\":\"shop.example\"},{\"name\":\"Gift ideas\",\"width\":300,"
                        + "\"height\":250,\"landing_domain\":\"shop.example\"}]}]}",
                "{\"name\":\"Cake stands\",\"platform\":\"META\",\"daily_budget\":25.00,"
                        + "\"total_budget\":400.00,\"currency\":\"GBP\",\"value_per_conversion\":18.00,"
                        + "\"target_cpa\":6.00,\"ad_groups\":[{\"name\":\"UK\",\"regions\":[\"GB\"],"
                        + "\"creatives\":[{\"name\":\"Tea time\",\"width\":300,\"height\":250,"
                        + "\"landing_domain\":\"shop.example\"}]}]}")) {
            HttpResponse<String> created = send(http, token, "POST", "/api/v1/ads/campaigns", gateway, campaign);
            Matcher id = CAMPAIGN_ID.matcher(created.body());
            if (created.statusCode() == 201 && id.find()) {
                send(
                        http,
                        token,
                        "POST",
                        "/api/v1/ads/campaigns/" + id.group(1) + "/activate",
                        gateway,
                        "{\"reason\":\"demo\"}");
            }
        }
        List<String> bodies = List.of(
                "{\"task_type\":\"order-status-inquiry\",\"priority\":7,\"input_data\":{\"order_number\":\"536397\"}}",
                "{\"input_data\":{\"message\":\"My order has not arrived and I would like a refund\"}}",
                "{\"task_type\":\"check-stock-levels\",\"input_data\":{\"skus\":[\"85123A\",\"22423\"]}}",
                "{\"task_type\":\"plan-campaign\",\"input_data\":{\"name\":\"Win back lapsed buyers\","
                        + "\"goal\":\"bring back customers who ordered before\",\"channel\":\"email\","
                        + "\"segment_rule\":{\"field\":\"order_count\",\"op\":\"gt\",\"value\":0}}}",
                "{\"task_type\":\"check-budget\",\"input_data\":{\"department\":\"marketing\",\"amount\":250.00,"
                        + "\"currency\":\"GBP\",\"purpose\":\"demo: newsletter banner\",\"requested_by\":\"demo\"}}",
                "{\"task_type\":\"suggest-reorders\",\"input_data\":{\"skus\":[\"85123A\",\"22423\"]}}",
                "{\"task_type\":\"report-campaign-performance\",\"input_data\":{}}",
                "{\"task_type\":\"health-check\",\"agent_id\":\"" + ServiceSpec.SUPPORT.agentId()
                        + "\",\"input_data\":{}}",
                // the recommendation models were trained on an empty store at start-up; retrain on the replayed data
                // now rather than at the next scheduled retraining
                "{\"task_type\":\"retrain-recommendation-models\",\"input_data\":{}}");
        List<String> taskIds = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> response = send(http, token, "POST", "/api/v1/agents/tasks", gateway, body);
            Matcher id = TASK_ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                taskIds.add(id.group(1));
            }
        }
        System.out.println("Submitted demo tasks; their status a moment later:");
        Thread.sleep(2_000); // give the agents a moment so the printout shows them moving
        for (String taskId : taskIds) {
            HttpResponse<String> task = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/v1/agents/tasks/" + taskId))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(task.body());
            System.out.println("  " + taskId + "  " + (status.find() ? status.group(1) : task.statusCode()));
        }
    }

    /** A demo call; a refusal is printed, not fatal: the platform keeps running without that piece. */
    private static HttpResponse<String> send(
            HttpClient http, String token, String method, String path, String gateway, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.out.println("Demo set-up " + method + " " + path + " refused (" + response.statusCode() + "): "
                    + response.body());
        }
        return response;
    }

    private static String login(HttpClient http, String gateway, String adminPassword) throws Exception {
        return GatewayTokens.signIn(http, gateway, ADMIN_EMAIL, adminPassword)
                .orElseThrow(() -> new IllegalStateException("demo login failed for " + ADMIN_EMAIL
                        + ": the data directory holds an admin account from a run whose password was not kept;"
                        + " start with --clean"));
    }

    /** A password kept in the data directory, or a new one (kept there) for a new or cleaned directory. */
    private static String keptSecret(Path data, String name, boolean clean) throws java.io.IOException {
        Path file = data.resolve(name);
        if (!clean && Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        String password = randomSecret(12);
        Files.createDirectories(data);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password);
        return password;
    }

    /**
     * A customer account for trying the storefront, with one order of a catalogue product already booked. Signing up
     * again on a later run finds the account there (409) and leaves it as it is.
     */
    private static void signUpDemoShopper(String gateway, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> registered = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + SHOPPER_EMAIL + "\",\"password\":\""
                                + password + "\",\"first_name\":\"Demo\",\"last_name\":\"Shopper\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher customer = USER_ID.matcher(registered.body());
        if (registered.statusCode() != 201 || !customer.find()) {
            if (registered.statusCode() != 409) {
                System.out.println(
                        "Demo shopper sign-up refused (" + registered.statusCode() + "): " + registered.body());
            }
            return;
        }
        String token = GatewayTokens.signIn(http, gateway, SHOPPER_EMAIL, password)
                .orElseThrow(() -> new IllegalStateException("demo login failed for " + SHOPPER_EMAIL));
        // right after the replay the catalogue's agent is busy training its models: ask again for up to a minute
        HttpResponse<String> products = send(http, token, "GET", "/api/v1/products?limit=1", gateway, "");
        for (int attempt = 1; attempt <= 6 && products.statusCode() >= 500; attempt++) {
            Thread.sleep(10_000);
            products = send(http, token, "GET", "/api/v1/products?limit=1", gateway, "");
        }
        Matcher listed = PRODUCT_ID.matcher(products.body());
        if (!listed.find()) {
            return;
        }
        Matcher product = PRODUCT.matcher(send(http, token, "GET", "/api/v1/products/" + listed.group(1), gateway, "")
                .body());
        if (!product.find()) {
            return;
        }
        // the storefront's own order event: the shopper's token, the catalogue's price
        send(
                http,
                token,
                "POST",
                "/api/v1/events",
                gateway,
                "{\"type\":\"order.placed\",\"event_id\":\"" + java.util.UUID.randomUUID() + "\",\"occurred_at\":\""
                        + java.time.Instant.now() + "\",\"order_id\":\"" + java.util.UUID.randomUUID()
                        + "\",\"order_number\":\"DEMO-1\",\"customer_id\":\"" + customer.group(1)
                        + "\",\"country\":\"United Kingdom\",\"currency\":\"GBP\",\"lines\":[{\"product_id\":\""
                        + product.group(1) + "\",\"sku\":\"" + product.group(2) + "\",\"quantity\":2,\"unit_price\":"
                        + product.group(3) + "}]}");
    }

    /** Logins for the replay's most active customers; none when the replay named none. */
    private static List<DemoCustomerLogins.DemoLogin> demoCustomerLogins(
            String gateway, String adminPassword, Path customers, String password) throws Exception {
        if (!Files.isRegularFile(customers)) {
            return List.of();
        }
        HttpClient http = HttpClient.newHttpClient();
        return DemoCustomerLogins.create(http, gateway, login(http, gateway, adminPassword), customers, password);
    }

    private static void printDemoCustomers(List<DemoCustomerLogins.DemoLogin> logins, String password) {
        if (logins.isEmpty()) {
            return;
        }
        System.out.println("Demo customers from the replayed shop (password " + password
                + "), e.g. ask the support chat \"where is my order <number>\":");
        logins.forEach(login ->
                System.out.println("  " + login.email() + "  orders " + String.join(", ", login.latestOrders())));
    }

    private static void printSummary(
            String gateway, String adminPassword, String shopperPassword, PlatformLauncher platform) {
        System.out.println();
        System.out.print(ProcessStatus.table(platform.status()));
        System.out.println();
        System.out.println("Agent Factory is running.");
        System.out.println("  Gateway:      " + gateway + "  (all APIs, e.g. " + gateway + "/api/v1/agents)");
        System.out.println("  Supervisor:   " + ServiceSpec.SUPERVISOR.baseUrl() + "/v3/api-docs");
        System.out.println("  Metrics:      " + ServiceSpec.SUPERVISOR.baseUrl() + "/actuator/prometheus");
        System.out.println("  Demo login:   " + ADMIN_EMAIL + " / " + adminPassword + "  (POST " + gateway
                + "/api/v1/auth/login)");
        if (shopperPassword != null) {
            System.out.println("  Storefront:   " + gateway + "/shop  (customer login: " + SHOPPER_EMAIL + " / "
                    + shopperPassword + ")");
        }
        System.out.println("  Processes:    ./run-platform.sh status; restart one: ./run-platform.sh restart SERVICE");
    }

    /**
     * The SHA-256 of the key the ad agent's bid API accepts as the simulated exchange's: AD_EXCHANGE_SIMULATED_KEY_SHA256
     * when set; else, in the demo, the documented local key {@value #SIMULATED_EXCHANGE_KEY} (accepted only with the
     * simulated exchange on); else a key made for this run that nobody holds, since the agent does not start without
     * an exchange key.
     */
    private static String simulatedExchangeKeyHash(boolean demo) {
        String configured = System.getenv("AD_EXCHANGE_SIMULATED_KEY_SHA256");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return PlatformSecrets.sha256Hex(demo ? SIMULATED_EXCHANGE_KEY : randomSecret(24));
    }

    /**
     * The secret set in this shell's environment (a developer checking webhook signatures at a receiver of their own
     * sets the one it verifies with), else one made for this run.
     */
    private static String configuredOrRandomSecret(String name) {
        String configured = System.getenv(name);
        if (configured != null && !configured.isBlank()) {
            // refused here rather than by the agent once every other service has started
            if (configured.strip().length() < 16) {
                throw new IllegalStateException(name + " must be at least 16 characters (or unset for one per run)");
            }
            return configured.strip();
        }
        return randomSecret(24);
    }

    private static String randomSecret(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int index = arguments.indexOf(name);
        return index >= 0 && index + 1 < arguments.size() ? arguments.get(index + 1) : fallback;
    }
}

package com.agentfactory.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's and storefront's Playwright specs (dashboard/e2e) in Debian's chromium against the running
 * platform, served by its gateway: the data the pages show is sent through the gateway's public APIs first, as the
 * storefront and an administrator would, since these tests have no demo replay.
 */
class DashboardBrowserIT extends AsAdminOnThePlatform {

    private static final Logger log = LoggerFactory.getLogger(DashboardBrowserIT.class);
    private static final Duration SPECS_TIMEOUT = Duration.ofMinutes(25);
    private static final Pattern FAILURE_HEADING = Pattern.compile("^\\s+\\d+\\) |^\\s+\\d+ (failed|flaky)");
    private static final int ERROR_LINES = 6;
    private static final int MAX_FAILURE_LINES = 120;

    @Test
    void everyPageAndTheStorefrontPassTheirBrowserSpecs() throws Exception {
        Path dashboard = platform.projectRoot.resolve("dashboard");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        assertThat(chromium)
                .as("Debian's chromium package (the test command installs it)")
                .isExecutable();
        assertThat(dashboard.resolve("node_modules/@playwright/test"))
                .as("the dashboard build's npm ci")
                .isDirectory();
        awaitAgentsAnsweringThroughTheGateway();
        seedCatalogSalesAndBudgets();

        ProcessBuilder playwright = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(dashboard.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = playwright.environment();
        environment.put("BASE_URL", platform.gateway.baseUrl());
        environment.put("E2E_ADMIN_EMAIL", RunningPlatform.ADMIN_EMAIL);
        environment.put("E2E_ADMIN_PASSWORD", RunningPlatform.ADMIN_PASSWORD);
        environment.put("CHROMIUM_PATH", chromium.toString());
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        environment.put("CI", "true");
        environment.put("FORCE_COLOR", "0");
        Process process = playwright.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread output = Thread.ofPlatform().name("playwright-output").start(() -> streamToLog(process, lines));
        boolean finished = process.waitFor(SPECS_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        output.join(Duration.ofSeconds(10));

        assertThat(finished).as("Playwright finished within %s", SPECS_TIMEOUT).isTrue();
        assertThat(process.exitValue())
                .as(
                        "npx playwright test exit code; its failures:%n%s%n(the whole report is in this test's log)",
                        failures(lines))
                .isZero();
    }

    private static void streamToLog(Process process, List<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> {
                lines.add(line);
                log.info("playwright | {}", line);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The failed specs' titles and the first lines of each error, so a failure says which spec failed where only
     * the end of the build's output is kept.
     */
    static String failures(List<String> lines) {
        List<String> kept = new ArrayList<>();
        int errorLinesLeft = 0;
        synchronized (lines) {
            for (String line : lines) {
                if (line.contains("✘") || FAILURE_HEADING.matcher(line).find()) {
                    kept.add(line);
                    errorLinesLeft = ERROR_LINES;
                } else if (line.strip().startsWith("Error:")) {
                    kept.add(line);
                    errorLinesLeft = ERROR_LINES;
                } else if (errorLinesLeft > 0) {
                    kept.add(line);
                    errorLinesLeft--;
                }
            }
        }
        return String.join(System.lineSeparator(), kept.subList(0, Math.min(kept.size(), MAX_FAILURE_LINES)));
    }

    /**
     * A freshly started agent may answer its first request after the gateway's route timeout; the specs' own API
     * calls expect a prompt answer, so each agent is asked once here until it answers.
     */
    private static void awaitAgentsAnsweringThroughTheGateway() {
        for (String path : List.of(
                "/api/v1/products?limit=1",
                "/api/v1/ads/campaigns",
                "/api/v1/inventory/suppliers",
                "/api/v1/campaigns/journeys",
                "/api/v1/agents")) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> assertThat(Http.get(gateway(path), adminToken).status())
                                    .as(path)
                                    .isEqualTo(200));
        }
    }

    /**
     * A small catalog in stock for the storefront, one SKU with a month of daily sales (a forecast, a low-stock
     * alert and a supplier for the inventory page) and this month's budgets for the finance and ads pages.
     */
    private static void seedCatalogSalesAndBudgets() {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        for (String department : List.of("marketing", "inventory")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Http.put(
                                    gateway("/api/v1/financial/budgets/" + department),
                                    adminToken,
                                    Map.of("fiscal_period", month, "allocated_amount", "5000.00", "currency", "GBP"))
                            .status())
                    .as("budget of " + department)
                    .isBetween(200, 201));
        }

        String soldSku = "E2EB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(CommerceEvents.product(soldSku, "White hanging lantern", "lighting", "3.39", 125));
        List<String[]> catalog = List.of(
                new String[] {"Glass star candle holder", "lighting", "4.25"},
                new String[] {"Vintage heart doorstop", "home", "7.95"},
                new String[] {"Ceramic garden planter", "garden", "12.50"},
                new String[] {"Wooden photo frame", "home", "5.75"},
                new String[] {"Paper lantern string lights", "lighting", "9.99"});
        for (String[] item : catalog) {
            String sku = "E2EB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
            events.add(CommerceEvents.product(sku, item[0], item[1], item[2], 40));
        }
        // 125 in stock, 4 sold a day for 30 days: 5 left, enough history for a forecast and a low-stock alert
        assertThat(stockThenSell(events, 4, 30)).isEqualTo(5);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Http.get(gateway("/api/v1/products?limit=24"), adminToken)
                                .body()
                                .path("items")
                                .size())
                        .isGreaterThanOrEqualTo(catalog.size() + 1));

        assertThat(Http.post(
                                gateway("/api/v1/inventory/suppliers"),
                                adminToken,
                                Map.of(
                                        "name",
                                        "Lantern Works " + soldSku,
                                        "lead_time_days",
                                        7,
                                        "minimum_order",
                                        50,
                                        "pack_size",
                                        12,
                                        "unit_cost",
                                        new BigDecimal("2.00"),
                                        "currency",
                                        "GBP",
                                        "skus",
                                        List.of(soldSku)))
                        .status())
                .isEqualTo(201);
    }
}

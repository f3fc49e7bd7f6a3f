package com.agentfactory.inventory.batch;

import com.agentfactory.infra.LocalInfrastructure;
import com.agentfactory.infra.platform.ProcessMemory;
import com.agentfactory.inventory.InventoryApplication;
import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.ProductUpserted;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily run over every SKU of a file in the Online Retail format (the demo data), forecasting 90 days: the agent
 * (in this JVM, on the project's local PostgreSQL and Kafka) is given each SKU through the product feed and the
 * file's orders as daily demand (cancellations and free lines left out, as the replay does); then one run is timed,
 * from its start to its stored report. The target is under 60 s.
 *
 * <p>Run: {@code java -Xmx512m -cp <db-migrations classes, test class path>
 * com.agentfactory.inventory.batch.DailyBatchBenchmark FILE [horizon days]}; prints one JSON line.
 */
public final class DailyBatchBenchmark {

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm"),
            DateTimeFormatter.ofPattern("d/M/yyyy H:mm"));

    private DailyBatchBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: DailyBatchBenchmark FILE [horizon days, default 90]");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 90);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            // the embedded servers' threads would keep the JVM alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path file, int horizonDays) throws IOException {
        Map<String, Map<LocalDate, Integer>> demand = read(file);
        LocalDate origin = demand.values().stream()
                .flatMap(days -> days.keySet().stream())
                .max(LocalDate::compareTo)
                .orElseThrow()
                .plusDays(1);
        LocalInfrastructure infrastructure = LocalInfrastructure.shared();
        // system properties, so they win over application.yml's defaults
        infrastructure.springProperties().forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        Map.of("server.port", "0", "spring.kafka.listener.auto-startup", "false", "logging.level.root", "WARN")
                .forEach(System::setProperty);
        try (ConfigurableApplicationContext agent = new SpringApplicationBuilder(InventoryApplication.class).run()) {
            JdbcTemplate db = agent.getBean(JdbcTemplate.class);
            StockService stock = agent.getBean(StockService.class);
            String prefix = "B" + Long.toString(System.currentTimeMillis(), 36) + "-";
            List<Object[]> rows = new ArrayList<>();
            demand.forEach((sku, days) -> {
                stock.applyProductUpserted(new ProductUpserted(
                        UUID.randomUUID(),
                        Instant.now(),
                        UUID.randomUUID(),
                        prefix + sku,
                        "benchmark " + sku,
                        null,
                        null,
                        new Money(BigDecimal.ONE, "GBP"),
                        100,
                        null));
                days.forEach((day, units) -> rows.add(new Object[] {prefix + sku, Date.valueOf(day), units}));
            });
            db.batchUpdate("INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)", rows);
            DailyBatch batch = agent.getBean(DailyBatch.class);

            long started = System.nanoTime();
            DailyBatchReport report = batch.run(new RunDailyBatchRequest(false, origin, horizonDays), done -> {});
            double seconds = (System.nanoTime() - started) / 1e9;

            long pid = ProcessHandle.current().pid();
            System.out.printf(
                    "{\"file\": \"%s\", \"origin\": \"%s\", \"horizon_days\": %d, \"file_skus\": %d,"
                            + " \"stocked_skus\": %d, \"forecast_skus\": %d, \"model_version\": %s, \"errors\": %d,"
                            + " \"seconds\": %.1f, \"under_60_s\": %b, \"agent_rss_mb\": %d, \"postgres_rss_mb\": %d}%n",
                    file.getFileName(),
                    origin,
                    horizonDays,
                    demand.size(),
                    report.skus(),
                    report.forecastSkus(),
                    report.modelVersion(),
                    report.errors().size(),
                    seconds,
                    seconds < 60,
                    ProcessMemory.rssKilobytes(pid) / 1024,
                    infrastructure.postgresPid().stream()
                                    .map(ProcessMemory::rssKilobytes)
                                    .findFirst()
                                    .orElse(-1)
                            / 1024);
        }
    }

    /** Units per SKU and day; cancellations and lines without a price left out. */
    private static Map<String, Map<LocalDate, Integer>> read(Path file) throws IOException {
        Map<String, Map<LocalDate, Integer>> demand = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var csv = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader);
            for (CSVRecord row : csv) {
                int quantity = Integer.parseInt(row.get("Quantity").strip());
                double price = Double.parseDouble(row.get("UnitPrice").strip());
                if (row.get("InvoiceNo").startsWith("C") || quantity <= 0 || price <= 0) {
                    continue;
                }
                String sku = row.get("StockCode").strip();
                if (sku.length() > 40) {
                    continue;
                }
                demand.computeIfAbsent(sku, key -> new HashMap<>())
                        .merge(day(row.get("InvoiceDate").strip()), quantity, Integer::sum);
            }
        }
        return demand;
    }

    private static LocalDate day(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(text, format).toLocalDate();
            } catch (java.time.format.DateTimeParseException e) {
                // the next format
            }
        }
        throw new IllegalArgumentException("not a date: " + text);
    }
}

package com.agentfactory.recommendation.surface;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.commerce.Money;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import com.agentfactory.messaging.commerce.ProductUpserted;
import com.agentfactory.recommendation.catalog.CatalogService;
import com.agentfactory.recommendation.interaction.InteractionService;
import com.agentfactory.recommendation.model.ModelService;
import com.agentfactory.recommendation.support.RecommendationIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Latency of the service layer on the demo catalog (the Online Retail subset of the demo-data module):
 * loads its products and orders through the services, adds products nobody interacted with up to the
 * catalog size the latency targets are stated for ({@code -Dbenchmark.products}, default 3,700), trains,
 * then times "for you" and similar-product lists uncached (cache dropped before each call) and cached. Not
 * part of the build's test run; run it with {@code -Dit.test=ServingLatencyBenchmark}. The file can be
 * changed with {@code -Dbenchmark.file}.
 */
class ServingLatencyBenchmark extends RecommendationIntegrationTest {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 2_000;
    private static final DateTimeFormatter INVOICE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    CatalogService catalog;

    @Autowired
    InteractionService interactions;

    @Autowired
    ModelService models;

    @Autowired
    RecommendationService recommendations;

    @Autowired
    RecommendationCache cache;

    @Test
    void measuresServingLatencyOnTheDemoCatalog() throws IOException {
        Path file = Path.of(
                System.getProperty("benchmark.file", "../demo-data/src/main/resources/demo/online-retail-demo.csv"));
        int catalogSize = Integer.getInteger("benchmark.products", 3_700);
        Demo demo = load(file);
        int padding = pad(catalogSize - demo.products.size());
        models.retrain();
        System.out.printf(
                "Loaded %d products from the file and %d more without interactions, %d orders of %d customers%n",
                demo.products.size(), padding, demo.orders, demo.customers.size());

        Histogram userUncached = measure(i -> {
            UUID user = demo.customers.get(i % demo.customers.size());
            cache.clear(RecommendationCache.userKey(user), Duration.ofHours(1));
            return () -> recommendations.forUser(user, 10);
        });
        Histogram userCached = measure(i -> {
            UUID user = demo.customers.get(i % demo.customers.size());
            return () -> recommendations.forUser(user, 10);
        });
        Histogram similarUncached = measure(i -> {
            UUID product = demo.products.get(i % demo.products.size());
            cache.clear(RecommendationCache.similarKey(product), Duration.ofHours(1));
            return () -> recommendations.similar(product, 10);
        });
        Histogram similarCached = measure(i -> {
            UUID product = demo.products.get(i % demo.products.size());
            return () -> recommendations.similar(product, 10);
        });

        report("for you, uncached", userUncached);
        report("for you, cached", userCached);
        report("similar, uncached", similarUncached);
        report("similar, cached", similarCached);
        assertThat(recommendations.forUser(demo.customers.getFirst(), 10).recommendations())
                .hasSize(10);
    }

    private interface Call {
        Supplier<?> prepare(int iteration);
    }

    private static Histogram measure(Call call) {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            Supplier<?> request = call.prepare(i);
            long start = System.nanoTime();
            request.get();
            long micros = (System.nanoTime() - start) / 1_000;
            if (i >= WARM_UP) {
                histogram.recordValue(micros);
            }
        }
        return histogram;
    }

    private static void report(String name, Histogram histogram) {
        System.out.printf(
                Locale.ROOT,
                "%-20s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
                name,
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0);
    }

    private record Demo(List<UUID> products, List<UUID> customers, int orders) {}

    /** Products and the customers' orders of an Online Retail file, with the ids the demo replay uses. */
    private Demo load(Path file) throws IOException {
        Map<String, UUID> products = new LinkedHashMap<>();
        Map<String, List<String[]>> invoices = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = split(line);
            if (fields.length < 8 || !Character.isDigit(fields[1].charAt(0))) {
                continue;
            }
            String code = fields[1];
            if (!products.containsKey(code)) {
                UUID productId = nameBased("product:" + code);
                products.put(code, productId);
                catalog.apply(new ProductUpserted(
                        nameBased("event:product.upserted:" + code),
                        Instant.now(),
                        productId,
                        code,
                        fields[2].isBlank() ? code : fields[2].trim(),
                        fields[2],
                        category(fields[2]),
                        new Money(new BigDecimal(fields[5]).max(BigDecimal.ZERO), "GBP"),
                        null,
                        null));
            }
            boolean guest = fields[6].isBlank();
            boolean cancellation = fields[0].startsWith("C") || Integer.parseInt(fields[3]) <= 0;
            if (!guest && !cancellation) {
                invoices.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(fields);
            }
        }
        Map<UUID, Boolean> customers = new LinkedHashMap<>();
        invoices.forEach((invoice, rows) -> {
            UUID customerId = nameBased("customer:" + rows.getFirst()[6].replace(".0", ""));
            customers.put(customerId, true);
            List<OrderLine> orderLines = rows.stream()
                    .map(row -> new OrderLine(
                            products.get(row[1]), row[1], Integer.parseInt(row[3]), new BigDecimal(row[5])))
                    .toList();
            interactions.recordPurchase(new OrderPlaced(
                    nameBased("event:order.placed:" + invoice),
                    LocalDateTime.parse(rows.getFirst()[4], INVOICE_DATE).toInstant(ZoneOffset.UTC),
                    nameBased("order:" + invoice),
                    invoice,
                    customerId,
                    rows.getFirst()[7],
                    "GBP",
                    orderLines));
        });
        return new Demo(List.copyOf(products.values()), List.copyOf(customers.keySet()), invoices.size());
    }

    /** Products nobody interacted with, so the catalog has the size the latency target is stated for. */
    private int pad(int count) {
        String[] shelves = {"christmas", "lighting", "bags", "cards", "kitchen", "gifts"};
        for (int i = 0; i < count; i++) {
            UUID productId = nameBased("benchmark-product:" + i);
            catalog.apply(new ProductUpserted(
                    nameBased("event:product.upserted:benchmark-" + i),
                    Instant.now(),
                    productId,
                    "PAD" + i,
                    "Padding product " + i,
                    "A product of the " + shelves[i % shelves.length] + " shelf",
                    shelves[i % shelves.length],
                    new Money(new BigDecimal("5.00"), "GBP"),
                    10,
                    null));
        }
        return Math.max(0, count);
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    // a few shelves, as the demo replay assigns them, so diversity has categories to work with
    private static String category(String description) {
        String text = description.toUpperCase(Locale.ROOT);
        for (String[] shelf : new String[][] {
            {"christmas", "CHRISTMAS"}, {"lighting", "LIGHT"}, {"bags", "BAG"}, {"cards", "CARD"}, {"kitchen", "MUG"}
        }) {
            if (text.contains(shelf[1])) {
                return shelf[0];
            }
        }
        return "gifts";
    }

    /** One CSV line; fields may be quoted and contain commas. */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }
}

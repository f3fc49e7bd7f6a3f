package com.agentfactory.demo.replay;

import com.agentfactory.demo.replay.StorefrontEvent.CustomerUpserted;
import com.agentfactory.demo.replay.StorefrontEvent.Money;
import com.agentfactory.demo.replay.StorefrontEvent.OrderCancelled;
import com.agentfactory.demo.replay.StorefrontEvent.OrderLine;
import com.agentfactory.demo.replay.StorefrontEvent.OrderPlaced;
import com.agentfactory.demo.replay.StorefrontEvent.ProductUpserted;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns Online Retail lines into storefront events. Pure and deterministic: the same lines always give the same
 * events in the same order, which is what makes a replay idempotent.
 */
public final class StorefrontEventMapper {

    static final String CANCELLATION_REASON = "cancelled in storefront";
    static final int MOST_DAYS_OF_COVER = 120;

    private static final Pattern PRODUCT_CODE = Pattern.compile("^\\d.*");
    private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]+");

    // first match wins: a Christmas candle belongs on the seasonal shelf rather than among the lamps
    private static final List<Map.Entry<String, List<String>>> CATEGORY_KEYWORDS = List.of(
            Map.entry("christmas", List.of("CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER")),
            Map.entry("lighting", List.of("CANDLE", "LIGHT", "LANTERN", "LAMP", "NIGHTLIGHT")),
            Map.entry("bags", List.of("BAG", "BAGS", "SHOPPER", "TOTE")),
            Map.entry("cards", List.of("CARD", "CARDS", "WRAP", "ENVELOPE", "ENVELOPES")),
            Map.entry(
                    "kitchen",
                    List.of(
                            "MUG", "MUGS", "CUP", "CUPS", "TEA", "TEACUP", "TEAPOT", "SAUCER", "PLATE", "PLATES",
                            "BOWL", "BOWLS", "JAR", "JARS", "BAKING", "CAKE", "LUNCH", "BOTTLE", "CUTLERY", "NAPKINS",
                            "KITCHEN", "TINS")));

    public MappingResult map(List<RetailLine> lines) {
        Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        List<Invoice> invoices = groupByInvoice(lines);
        Map<String, Integer> initialStock = initialStock(invoices);
        List<StorefrontEvent> events = new ArrayList<>();
        Set<String> knownProducts = new HashSet<>();
        Set<String> knownCustomers = new HashSet<>();
        long invoicesWithoutLines = 0;

        for (Invoice invoice : invoices) {
            List<RetailLine> usable = new ArrayList<>();
            for (RetailLine line : invoice.lines()) {
                Optional<SkipReason> reason = skipReason(line);
                if (reason.isPresent()) {
                    skipped.merge(reason.get(), 1L, Long::sum);
                } else {
                    usable.add(line);
                }
            }
            if (usable.isEmpty()) {
                invoicesWithoutLines++;
                continue;
            }
            RetailLine head = invoice.lines().getFirst();
            Instant occurredAt = head.invoiceDate();
            // upserts go right before the first event that references them, so the platform never sees a dangling id
            for (RetailLine line : usable) {
                if (knownProducts.add(line.stockCode())) {
                    events.add(productUpserted(line, occurredAt, initialStock.get(line.stockCode())));
                }
            }
            if (head.customerId() != null && knownCustomers.add(head.customerId())) {
                events.add(customerUpserted(head, occurredAt));
            }
            events.add(
                    head.isCancellation()
                            ? orderCancelled(head, occurredAt, usable)
                            : orderPlaced(head, occurredAt, usable));
        }
        return new MappingResult(List.copyOf(events), Map.copyOf(skipped), invoicesWithoutLines);
    }

    private record Invoice(long firstSeen, List<RetailLine> lines) {}

    /**
     * What each product is stocked with before its first sale, from the sales the replay is about to make: every unit
     * it orders, so the replay ships rather than backorders, plus 0 to {@value #MOST_DAYS_OF_COVER} days of its mean
     * daily sales (spread by its code, the same each run), so that after the replay the store has SKUs out of
     * stock, low, normal and overstocked, as a real one does.
     */
    static Map<String, Integer> initialStock(List<Invoice> invoices) {
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, Instant> firstSale = new LinkedHashMap<>();
        Instant end = null;
        for (Invoice invoice : invoices) {
            RetailLine head = invoice.lines().getFirst();
            end = head.invoiceDate();
            if (head.isCancellation()) {
                continue;
            }
            for (RetailLine line : invoice.lines()) {
                if (skipReason(line).isEmpty()) {
                    units.merge(line.stockCode(), line.quantity(), Integer::sum);
                    firstSale.putIfAbsent(line.stockCode(), head.invoiceDate());
                }
            }
        }
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (var sold : units.entrySet()) {
            String code = sold.getKey();
            double days = Math.max(1, Duration.between(firstSale.get(code), end).toDays());
            int coverDays = (int) Math.floorMod(
                    DeterministicIds.product(code).getLeastSignificantBits(), (long) MOST_DAYS_OF_COVER + 1);
            stock.put(code, sold.getValue() + (int) Math.ceil(coverDays * sold.getValue() / days));
        }
        return stock;
    }

    /**
     * Lines of one invoice need not be adjacent (concatenated daily exports, spreadsheet sorts), so they are grouped
     * first; invoices are then emitted chronologically, ties broken by file position for determinism.
     */
    private static List<Invoice> groupByInvoice(List<RetailLine> lines) {
        Map<String, Invoice> byNumber = new LinkedHashMap<>();
        long position = 0;
        for (RetailLine line : lines) {
            long seen = position++;
            byNumber.computeIfAbsent(line.invoiceNo(), _ -> new Invoice(seen, new ArrayList<>()))
                    .lines()
                    .add(line);
        }
        return byNumber.values().stream()
                .sorted(Comparator.comparing(
                                (Invoice invoice) -> invoice.lines().getFirst().invoiceDate())
                        .thenComparingLong(Invoice::firstSeen))
                .toList();
    }

    static Optional<SkipReason> skipReason(RetailLine line) {
        if (!PRODUCT_CODE.matcher(line.stockCode()).matches()) {
            return Optional.of(SkipReason.NON_PRODUCT_CODE);
        }
        if (line.unitPrice().signum() <= 0) {
            return Optional.of(SkipReason.NON_POSITIVE_PRICE);
        }
        if (line.quantity() == 0) {
            return Optional.of(SkipReason.ZERO_QUANTITY);
        }
        if (line.isCancellation() && line.quantity() > 0) {
            return Optional.of(SkipReason.NON_NEGATIVE_QUANTITY_IN_CANCELLATION);
        }
        if (!line.isCancellation() && line.quantity() < 0) {
            return Optional.of(SkipReason.NEGATIVE_QUANTITY_IN_ORDER);
        }
        return Optional.empty();
    }

    private static ProductUpserted productUpserted(RetailLine line, Instant occurredAt, Integer stockQuantity) {
        String description = line.description().isBlank() ? null : line.description();
        return new ProductUpserted(
                DeterministicIds.event("product.upserted", line.stockCode()),
                occurredAt,
                DeterministicIds.product(line.stockCode()),
                line.stockCode(),
                description == null ? line.stockCode() : titleCase(description),
                description,
                category(description),
                new Money(money(line.unitPrice()), StorefrontEvent.CURRENCY),
                stockQuantity);
    }

    private static CustomerUpserted customerUpserted(RetailLine line, Instant occurredAt) {
        return new CustomerUpserted(
                // the profile with a phone is a new event beside the one replays sent before it had one: under that
                // event's id the supervisor would refuse it as another event, and saved demo data would keep its
                // customers without numbers
                DeterministicIds.event("customer.upserted.with-phone", line.customerId()),
                occurredAt,
                DeterministicIds.customer(line.customerId()),
                line.customerId(),
                null,
                line.country(),
                DemoPhones.of(line.customerId()));
    }

    private static OrderPlaced orderPlaced(RetailLine head, Instant occurredAt, List<RetailLine> lines) {
        return new OrderPlaced(
                DeterministicIds.event("order.placed", head.invoiceNo()),
                occurredAt,
                DeterministicIds.order(head.invoiceNo()),
                head.invoiceNo(),
                customerId(head),
                head.country(),
                StorefrontEvent.CURRENCY,
                orderLines(lines));
    }

    private static OrderCancelled orderCancelled(RetailLine head, Instant occurredAt, List<RetailLine> lines) {
        return new OrderCancelled(
                DeterministicIds.event("order.cancelled", head.invoiceNo()),
                occurredAt,
                DeterministicIds.order(head.invoiceNo()),
                head.invoiceNo(),
                // the dataset does not link a cancellation to the invoice it reverses
                null,
                customerId(head),
                true,
                CANCELLATION_REASON,
                StorefrontEvent.CURRENCY,
                orderLines(lines));
    }

    private static UUID customerId(RetailLine head) {
        return head.customerId() == null ? null : DeterministicIds.customer(head.customerId());
    }

    private static List<OrderLine> orderLines(List<RetailLine> lines) {
        return lines.stream()
                .map(line -> new OrderLine(
                        DeterministicIds.product(line.stockCode()),
                        line.stockCode(),
                        Math.abs(line.quantity()),
                        money(line.unitPrice())))
                .toList();
    }

    /** At least two decimals, never fewer than the source had: 0.001 stays 0.001, 1 becomes 1.00. */
    static BigDecimal money(BigDecimal amount) {
        return amount.scale() >= 2 ? amount : amount.setScale(2);
    }

    static String category(String description) {
        if (description == null) {
            return "gifts";
        }
        Set<String> words = new HashSet<>(Arrays.asList(NON_LETTERS.split(description.toUpperCase(Locale.ROOT))));
        return CATEGORY_KEYWORDS.stream()
                .filter(entry -> entry.getValue().stream().anyMatch(words::contains))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("gifts");
    }

    static String titleCase(String text) {
        StringBuilder result = new StringBuilder(text.length());
        boolean startOfWord = true;
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            result.append(startOfWord ? Character.toUpperCase(c) : c);
            // "T-LIGHT" reads as "T-Light", but "SANTA'S" must not become "Santa'S"
            startOfWord = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return result.toString();
    }
}

package com.agentfactory.finance.support;

import com.agentfactory.finance.transaction.Amounts;
import com.agentfactory.messaging.commerce.CommerceEvent;
import com.agentfactory.messaging.commerce.OrderCancelled;
import com.agentfactory.messaging.commerce.OrderLine;
import com.agentfactory.messaging.commerce.OrderPlaced;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The bundled Online Retail demo file (demo-data module) as the commerce events the storefront replay
 * produces (same name-based ids: {@code event:order.placed:536365}), plus the per-day totals the ledger
 * must show, computed here straight from the file.
 */
public final class OnlineRetailFile {

    public static final Path DEMO_FILE = Path.of("../demo-data/src/main/resources/demo/online-retail-demo.csv");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailFile() {}

    public record Day(long transactions, BigDecimal revenue, BigDecimal refunds, long uniqueOrders) {

        Day plus(boolean refund, BigDecimal amount) {
            return new Day(
                    transactions + 1,
                    refund ? revenue : revenue.add(amount),
                    refund ? refunds.add(amount) : refunds,
                    uniqueOrders + 1);
        }
    }

    public record Replay(List<CommerceEvent> events, Map<LocalDate, Day> expectedDays) {}

    public static Replay read() throws IOException {
        Map<String, List<CSVRecord>> invoices = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(DEMO_FILE, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                invoices.computeIfAbsent(row.get("InvoiceNo"), key -> new ArrayList<>())
                        .add(row);
            }
        }
        List<CommerceEvent> events = new ArrayList<>();
        Map<LocalDate, Day> days = new TreeMap<>();
        invoices.forEach((invoice, rows) -> {
            boolean cancellation = invoice.startsWith("C");
            List<OrderLine> lines = rows.stream()
                    .map(row -> new OrderLine(
                            id("product:" + row.get("StockCode")),
                            row.get("StockCode"),
                            Math.abs(Integer.parseInt(row.get("Quantity"))),
                            new BigDecimal(row.get("UnitPrice"))))
                    .toList();
            CSVRecord first = rows.getFirst();
            var at = LocalDateTime.parse(first.get("InvoiceDate"), DATE).toInstant(ZoneOffset.UTC);
            String customer = first.get("CustomerID").replace(".0", "");
            UUID customerId = customer.isBlank() ? null : id("customer:" + customer);
            CommerceEvent event = cancellation
                    ? new OrderCancelled(
                            id("event:order.cancelled:" + invoice),
                            at,
                            id("order:" + invoice),
                            invoice,
                            null,
                            customerId,
                            true,
                            null,
                            "GBP",
                            lines)
                    : new OrderPlaced(
                            id("event:order.placed:" + invoice),
                            at,
                            id("order:" + invoice),
                            invoice,
                            customerId,
                            first.get("Country"),
                            "GBP",
                            lines);
            events.add(event);
            BigDecimal exact = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cents = Amounts.toCents(exact);
            if (Amounts.inRange(cents)) {
                days.merge(
                        at.atOffset(ZoneOffset.UTC).toLocalDate(),
                        new Day(0, new BigDecimal("0.00"), new BigDecimal("0.00"), 0).plus(cancellation, cents),
                        (a, b) -> new Day(
                                a.transactions() + b.transactions(),
                                a.revenue().add(b.revenue()),
                                a.refunds().add(b.refunds()),
                                a.uniqueOrders() + b.uniqueOrders()));
            }
        });
        return new Replay(events, days);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

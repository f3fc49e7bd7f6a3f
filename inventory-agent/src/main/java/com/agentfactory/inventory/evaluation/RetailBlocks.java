package com.agentfactory.inventory.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Units per SKU per 7-day block around an origin, from a file in the Online Retail format (InvoiceNo, StockCode,
 * Quantity, InvoiceDate, UnitPrice, ...). Cancellations (invoice numbers starting with C, or negative quantities)
 * and lines with a unit price of zero or less are left out, as the demo replay leaves them out. Block 0 starts at
 * the origin; the history is the whole blocks before it (a partial first block is dropped).
 */
record RetailBlocks(LocalDate origin, int historyBlocks, int horizonBlocks, List<Series> series) {

    /** One SKU: units per history block (oldest first), per test block, and its mean unit price (recent, overall). */
    record Series(String sku, double[] history, double[] actual, double price, double recentPrice) {}

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("M/d/yyyy H:mm"),
            DateTimeFormatter.ofPattern("d/M/yyyy H:mm"));

    static RetailBlocks read(Path file, LocalDate origin, int horizonBlocks, int skus) throws IOException {
        Map<String, Map<Integer, Double>> units = new HashMap<>();
        Map<String, double[]> prices = new HashMap<>(); // sum price x units, units; recent the same
        LocalDate first = null;
        LocalDate last = null;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var csv = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader);
            for (String column : List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new BacktestInputException(file + " is not in the Online Retail format: no " + column
                            + " column (found " + csv.getHeaderNames() + ")");
                }
            }
            for (CSVRecord row : csv) {
                String invoice = row.get("InvoiceNo");
                int quantity;
                double price;
                LocalDate day;
                try {
                    quantity = Integer.parseInt(row.get("Quantity").strip());
                    price = Double.parseDouble(row.get("UnitPrice").strip());
                    day = parseDay(row.get("InvoiceDate").strip());
                } catch (NumberFormatException | DateTimeParseException e) {
                    throw new BacktestInputException(
                            "line " + row.getRecordNumber() + " of " + file + " is malformed: " + e.getMessage());
                }
                if (invoice.startsWith("C") || quantity <= 0 || price <= 0) {
                    continue;
                }
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
                int block = (int) Math.floorDiv(ChronoUnit.DAYS.between(origin, day), 7);
                String sku = row.get("StockCode").strip();
                units.computeIfAbsent(sku, key -> new HashMap<>()).merge(block, (double) quantity, Double::sum);
                if (block < 0) {
                    double[] p = prices.computeIfAbsent(sku, key -> new double[4]);
                    p[0] += price * quantity;
                    p[1] += quantity;
                    if (block >= -4) {
                        p[2] += price * quantity;
                        p[3] += quantity;
                    }
                }
            }
        }
        if (first == null || !first.isBefore(origin)) {
            throw new BacktestInputException("no sales before the origin " + origin + " in " + file);
        }
        LocalDate end = origin.plusDays(7L * horizonBlocks - 1);
        if (last.isBefore(end)) {
            throw new BacktestInputException(file + " ends on " + last + ", before the last test day " + end
                    + ": use an earlier --origin or fewer --blocks");
        }
        long firstOffset = ChronoUnit.DAYS.between(origin, first);
        int firstBlock = (int) Math.floorDiv(firstOffset, 7);
        if (Math.floorMod(firstOffset, 7) != 0) {
            firstBlock++; // a partial block would look like a drop in demand
        }
        int history = -firstBlock;
        if (history < 8) {
            throw new BacktestInputException(
                    "only " + history + " whole weeks before " + origin + "; at least 8 needed");
        }
        final int from = firstBlock;
        List<Series> series = new ArrayList<>();
        units.entrySet().stream()
                .map(entry -> Map.entry(
                        entry.getKey(),
                        entry.getValue().entrySet().stream()
                                .filter(block -> block.getKey() >= from && block.getKey() < 0)
                                .mapToDouble(Map.Entry::getValue)
                                .sum()))
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(skus)
                .forEach(entry -> {
                    Map<Integer, Double> blocks = units.get(entry.getKey());
                    double[] past = new double[history];
                    double[] actual = new double[horizonBlocks];
                    for (int b = 0; b < history; b++) {
                        past[b] = blocks.getOrDefault(from + b, 0.0);
                    }
                    for (int b = 0; b < horizonBlocks; b++) {
                        actual[b] = blocks.getOrDefault(b, 0.0);
                    }
                    double[] p = prices.get(entry.getKey());
                    double price = p[0] / p[1];
                    double recent = p[3] > 0 ? p[2] / p[3] : price;
                    series.add(new Series(entry.getKey(), past, actual, price, recent));
                });
        return new RetailBlocks(origin, history, horizonBlocks, series);
    }

    private static LocalDate parseDay(String text) {
        DateTimeParseException failure = null;
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(text, format).toLocalDate();
            } catch (DateTimeParseException e) {
                failure = e;
            }
        }
        throw failure;
    }
}

package com.agentfactory.demo.subset;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.agentfactory.demo.replay.DeterministicIds;
import com.agentfactory.demo.replay.RetailCsv;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Derives the committed demo subset from the full Online Retail file.
 *
 * <p>Keeps every line of a fixed number of customers who both ordered repeatedly and cancelled at least once (so the
 * demo shows the whole order lifecycle), plus a few guest invoices of a handful of lines (single-line guest invoices are mostly manual adjustments). Customers and invoices are ranked by their
 * name-based UUID, a stable pseudo-random order that spreads the picks over the whole period without a random seed.
 * Field values are written unchanged and in source order (only the CSV quoting may differ, e.g. around trailing
 * blanks).
 *
 * <p>Usage: {@code java -cp demo-data.jar com.agentfactory.demo.subset.DemoSubsetExtractor INPUT OUTPUT}
 */
public final class DemoSubsetExtractor {

    /** Selection rules; the defaults produce the committed file. */
    public record Criteria(
            int customers,
            int minOrders,
            int minCancellations,
            int maxLinesPerCustomer,
            int guestInvoices,
            int minGuestInvoiceLines,
            int maxGuestInvoiceLines) {

        public static final Criteria DEMO = new Criteria(150, 2, 1, 60, 30, 3, 40);
    }

    /** What was written, for the log and for tests. */
    public record Summary(long linesRead, long linesWritten, int customers, int guestInvoices) {}

    private DemoSubsetExtractor() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Usage: DemoSubsetExtractor INPUT.csv OUTPUT.csv");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Summary summary = extract(input, output, Criteria.DEMO);
        System.out.printf(
                "read %d lines, wrote %d lines (%d customers, %d guest invoices) to %s (%d bytes)%n",
                summary.linesRead(),
                summary.linesWritten(),
                summary.customers(),
                summary.guestInvoices(),
                output,
                Files.size(output));
    }

    public static Summary extract(Path input, Path output, Criteria criteria) throws IOException {
        // two passes over the file instead of holding 30 MB of records: statistics first, then the copy
        Statistics statistics = new Statistics();
        try (Reader reader = Files.newBufferedReader(input, UTF_8);
                CSVParser parser = RetailCsv.openParser(reader)) {
            parser.forEach(statistics::add);
        }
        Set<String> customers = statistics.selectCustomers(criteria);
        Set<String> guestInvoices = statistics.selectGuestInvoices(criteria);

        long written = 0;
        try (Reader reader = Files.newBufferedReader(input, UTF_8);
                CSVParser parser = RetailCsv.openParser(reader);
                Writer writer = Files.newBufferedWriter(output, UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, RetailCsv.writeFormat())) {
            for (CSVRecord record : parser) {
                String customer = customer(record);
                boolean keep = customer == null
                        ? guestInvoices.contains(record.get("InvoiceNo"))
                        : customers.contains(customer);
                if (keep) {
                    printer.printRecord(
                            RetailCsv.HEADER.stream().map(record::get).toList());
                    written++;
                }
            }
        }
        return new Summary(statistics.lines, written, customers.size(), guestInvoices.size());
    }

    private static String customer(CSVRecord record) {
        return RetailCsv.normaliseCustomerId(record.get("CustomerID"));
    }

    private static final class Statistics {
        long lines;
        final Map<String, Integer> linesByCustomer = new HashMap<>();
        final Map<String, Set<String>> ordersByCustomer = new HashMap<>();
        final Map<String, Set<String>> cancellationsByCustomer = new HashMap<>();
        final Map<String, Integer> linesByGuestInvoice = new HashMap<>();

        void add(CSVRecord record) {
            lines++;
            String invoice = record.get("InvoiceNo");
            String customer = customer(record);
            if (customer == null) {
                if (!invoice.startsWith("C")) {
                    linesByGuestInvoice.merge(invoice, 1, Integer::sum);
                }
                return;
            }
            linesByCustomer.merge(customer, 1, Integer::sum);
            (invoice.startsWith("C") ? cancellationsByCustomer : ordersByCustomer)
                    .computeIfAbsent(customer, _ -> new HashSet<>())
                    .add(invoice);
        }

        Set<String> selectCustomers(Criteria criteria) {
            return Set.copyOf(linesByCustomer.keySet().stream()
                    .filter(c -> ordersByCustomer.getOrDefault(c, Set.of()).size() >= criteria.minOrders())
                    .filter(c ->
                            cancellationsByCustomer.getOrDefault(c, Set.of()).size() >= criteria.minCancellations())
                    .filter(c -> linesByCustomer.get(c) <= criteria.maxLinesPerCustomer())
                    .sorted(stableShuffle(c -> DeterministicIds.customer(c).toString()))
                    .limit(criteria.customers())
                    .toList());
        }

        Set<String> selectGuestInvoices(Criteria criteria) {
            return Set.copyOf(linesByGuestInvoice.entrySet().stream()
                    .filter(e -> e.getValue() >= criteria.minGuestInvoiceLines())
                    .filter(e -> e.getValue() <= criteria.maxGuestInvoiceLines())
                    .map(Map.Entry::getKey)
                    .sorted(stableShuffle(i -> DeterministicIds.order(i).toString()))
                    .limit(criteria.guestInvoices())
                    .toList());
        }

        private static Comparator<String> stableShuffle(Function<String, String> key) {
            return Comparator.comparing(key).thenComparing(Comparator.naturalOrder());
        }
    }
}

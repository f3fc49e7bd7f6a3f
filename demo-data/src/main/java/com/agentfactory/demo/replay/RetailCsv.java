package com.agentfactory.demo.replay;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Online Retail files in both circulating formats: the Spark-guide CSV export (ISO dates, "17850.0" customer
 * ids) and CSVs saved from the original UCI spreadsheet ("12/1/2010 8:26", "17850").
 */
public final class RetailCsv {

    public static final List<String> HEADER = List.of(
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm"),
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm:ss"));

    private RetailCsv() {}

    /** Parsed lines plus the records that could not be understood, which are counted rather than fatal. */
    public record ParseResult(List<RetailLine> lines, long recordsRead, long malformed, List<String> problems) {}

    /** The format the demo subset is written in: the source header, minimal quoting, Unix line ends. */
    public static CSVFormat writeFormat() {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .setSkipHeaderRecord(false)
                .setRecordSeparator("\n")
                .get();
    }

    /** Opens a parser that maps columns by the file's own header, so column order does not matter. */
    public static CSVParser openParser(Reader reader) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .get()
                .parse(reader);
    }

    public static ParseResult read(Reader reader) {
        List<RetailLine> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long read = 0;
        long malformed = 0;
        try (CSVParser parser = openParser(reader)) {
            Map<String, Integer> columns = normalisedHeader(parser.getHeaderMap());
            for (String column : HEADER) {
                if (!columns.containsKey(column)) {
                    throw new IllegalArgumentException(
                            "Not an Online Retail file: column " + column + " missing from header " + columns.keySet());
                }
            }
            for (CSVRecord record : parser) {
                read++;
                try {
                    lines.add(parseLine(record, columns));
                } catch (RuntimeException e) {
                    malformed++;
                    // a few examples are enough to diagnose a foreign format; thousands would drown the output
                    if (problems.size() < 10) {
                        problems.add("record " + record.getRecordNumber() + ": " + e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParseResult(List.copyOf(lines), read, malformed, List.copyOf(problems));
    }

    private static Map<String, Integer> normalisedHeader(Map<String, Integer> header) {
        // spreadsheet exports often start with a byte order mark that would otherwise stick to "InvoiceNo"
        Map<String, Integer> result = new LinkedHashMap<>();
        header.forEach((name, index) -> result.put(name.replace("\uFEFF", "").trim(), index));
        return result;
    }

    private static RetailLine parseLine(CSVRecord record, Map<String, Integer> columns) {
        String invoiceNo = field(record, columns, "InvoiceNo");
        String stockCode = field(record, columns, "StockCode");
        if (invoiceNo.isEmpty() || stockCode.isEmpty()) {
            throw new IllegalArgumentException("InvoiceNo and StockCode are required");
        }
        return new RetailLine(
                invoiceNo,
                stockCode,
                field(record, columns, "Description"),
                parseQuantity(field(record, columns, "Quantity")),
                parseDate(field(record, columns, "InvoiceDate")),
                new BigDecimal(field(record, columns, "UnitPrice")),
                normaliseCustomerId(field(record, columns, "CustomerID")),
                field(record, columns, "Country"),
                record.getRecordNumber());
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String name) {
        int index = columns.get(name);
        return index < record.size() ? record.get(index).trim() : "";
    }

    static int parseQuantity(String value) {
        return new BigDecimal(value).intValueExact();
    }

    /** Dates carry no zone in either format; the dataset is from a UK retailer, so UTC is taken as stated. */
    public static Instant parseDate(String value) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("unrecognised InvoiceDate '" + value + "'");
    }

    /**
     * Maps "17850.0" and "17850" to the same customer number, so both formats yield the same customer ids.
     *
     * @return {@code null} for an empty value (a guest checkout)
     */
    public static String normaliseCustomerId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim()).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("unrecognised CustomerID '" + value + "'");
        }
    }
}

package com.agentfactory.recommendation.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads interaction files: CSV with a header naming user_id, item_id, timestamp and optionally rating or
 * weight; or the MovieLens 100K layout (tab-separated user, item, rating, timestamp, no header), so the
 * research data is read in place and never copied into the project.
 */
final class InteractionFile {

    enum Format {
        CSV,
        MOVIELENS,
        /** The UCI Online Retail layout: one purchase per invoice line; cancellations and guests are skipped. */
        RETAIL
    }

    /**
     * One interaction; {@code country} (of the user) and {@code text} (of the item) are known only in the
     * retail layout and null elsewhere.
     */
    record Row(String userId, String itemId, long timestamp, double rating, String country, String text) {

        Row(String userId, String itemId, long timestamp, double rating) {
            this(userId, itemId, timestamp, rating, null, null);
        }
    }

    private InteractionFile() {}

    static List<Row> read(Path path, Format format) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        return read(lines, path, format == null ? detect(lines) : format);
    }

    /**
     * The layout a file's first line shows: the Online Retail header names InvoiceNo, MovieLens has no
     * header and tab-separated numbers, anything else is read as the user_id/item_id CSV.
     */
    static Format detect(List<String> lines) {
        String first = lines.isEmpty() ? "" : lines.getFirst();
        if (first.contains("InvoiceNo") && first.contains("StockCode")) {
            return Format.RETAIL;
        }
        if (first.contains("\t") && first.split("\t")[0].strip().matches("\\d+")) {
            return Format.MOVIELENS;
        }
        return Format.CSV;
    }

    private static List<Row> read(List<String> lines, Path path, Format format) {
        return switch (format) {
            case MOVIELENS -> movieLens(lines);
            case RETAIL -> retail(lines, path);
            case CSV -> csv(lines, path);
        };
    }

    /**
     * Purchases of known customers: user = CustomerID, item = StockCode, weight 1, time = InvoiceDate (UTC),
     * with the customer's country and the line's description. Skipped as the storefront replay skips them:
     * cancellations, non-positive quantities, UnitPrice <= 0 (adjustments and free samples) and codes that
     * are no product (POST, M, D, BANK CHARGES: anything not starting with a digit); guest lines too.
     */
    private static List<Row> retail(List<String> lines, Path path) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header =
                Arrays.stream(lines.getFirst().split(",")).map(String::trim).toList();
        int invoice = column(header, "InvoiceNo", path);
        int stockCode = column(header, "StockCode", path);
        int quantity = column(header, "Quantity", path);
        int date = column(header, "InvoiceDate", path);
        int customer = column(header, "CustomerID", path);
        int price = column(header, "UnitPrice", path);
        int country = header.indexOf("Country");
        int description = header.indexOf("Description");
        List<Row> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            // descriptions may hold quoted commas; the columns after them are counted from the end
            String[] fields = line.split(",", -1);
            int shift = fields.length - header.size();
            if (shift < 0) {
                continue;
            }
            String customerId = fields[customer + shift].trim();
            String invoiceNo = fields[invoice].trim();
            String code = fields[stockCode].trim();
            if (customerId.isEmpty()
                    || invoiceNo.startsWith("C")
                    || code.isEmpty()
                    || !Character.isDigit(code.charAt(0))) {
                continue;
            }
            double bought = Double.parseDouble(fields[quantity + shift].trim());
            if (bought <= 0 || Double.parseDouble(fields[price + shift].trim()) <= 0) {
                continue;
            }
            long timestamp = java.time.LocalDateTime.parse(
                            fields[date + shift].trim().replace(' ', 'T'))
                    .toEpochSecond(java.time.ZoneOffset.UTC);
            rows.add(new Row(
                    customerId.endsWith(".0") ? customerId.substring(0, customerId.length() - 2) : customerId,
                    code,
                    timestamp,
                    1.0,
                    country < 0 ? null : fields[country + shift].trim(),
                    description < 0 ? null : descriptionOf(fields, description, shift)));
        }
        return rows;
    }

    // a description with commas spans shift + 1 fields, quoted as a whole
    private static String descriptionOf(String[] fields, int description, int shift) {
        String text = String.join(",", Arrays.asList(fields).subList(description, description + shift + 1));
        return text.replace("\"", "").trim();
    }

    private static List<Row> movieLens(List<String> lines) {
        List<Row> rows = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            rows.add(new Row(fields[0], fields[1], Long.parseLong(fields[3].trim()), Double.parseDouble(fields[2])));
        }
        return rows;
    }

    private static List<Row> csv(List<String> lines, Path path) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header =
                Arrays.stream(lines.getFirst().split(",")).map(String::trim).toList();
        int user = column(header, "user_id", path);
        int item = column(header, "item_id", path);
        int timestamp = header.indexOf("timestamp");
        int rating = header.indexOf("rating") >= 0 ? header.indexOf("rating") : header.indexOf("weight");
        List<Row> rows = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            rows.add(new Row(
                    fields[user].trim(),
                    fields[item].trim(),
                    timestamp >= 0 && !fields[timestamp].isBlank() ? Long.parseLong(fields[timestamp].trim()) : 0L,
                    rating >= 0 && !fields[rating].isBlank() ? Double.parseDouble(fields[rating].trim()) : 1.0));
        }
        return rows;
    }

    private static int column(List<String> header, String name, Path path) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(path + " has no " + name + " column; header is " + header);
        }
        return index;
    }
}

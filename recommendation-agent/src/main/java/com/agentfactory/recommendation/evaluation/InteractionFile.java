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
        MOVIELENS
    }

    record Row(String userId, String itemId, long timestamp, double rating) {}

    private InteractionFile() {}

    static List<Row> read(Path path, Format format) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        return format == Format.MOVIELENS ? movieLens(lines) : csv(lines, path);
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

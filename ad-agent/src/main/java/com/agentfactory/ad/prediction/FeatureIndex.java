package com.agentfactory.ad.prediction;

import com.agentfactory.messaging.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature index of the training files: {@code field:value<TAB>index} lines, each field with an
 * {@code field:other} entry that takes every value not listed. Two spellings are read: fields by name
 * ({@code hour:14}), as in the index of the one-hot training files, and fields by their iPinYou log column
 * number ({@code 2:14}), whose indices are in order of first appearance and cover columns the one-hot files
 * leave out. The numbered form is rebuilt into the one-hot files' layout: the sixteen fields below in this
 * order, each field's "other" first and then its values in the order of their original indices.
 */
final class FeatureIndex {

    /** The fields of the one-hot files, in their order, with their iPinYou log column numbers. */
    static final List<String> FIELDS = List.of(
            "weekday",
            "hour",
            "useragent",
            "IP",
            "region",
            "city",
            "adexchange",
            "domain",
            "slotid",
            "slotwidth",
            "slotheight",
            "slotvisibility",
            "slotformat",
            "creative",
            "advertiser",
            "slotprice");

    private static final Map<String, String> FIELD_BY_COLUMN = Map.ofEntries(
            Map.entry("1", "weekday"),
            Map.entry("2", "hour"),
            Map.entry("7", "useragent"),
            Map.entry("8", "IP"),
            Map.entry("9", "region"),
            Map.entry("10", "city"),
            Map.entry("11", "adexchange"),
            Map.entry("12", "domain"),
            Map.entry("15", "slotid"),
            Map.entry("16", "slotwidth"),
            Map.entry("17", "slotheight"),
            Map.entry("18", "slotvisibility"),
            Map.entry("19", "slotformat"),
            Map.entry("21", "creative"),
            Map.entry("25", "advertiser"),
            Map.entry("20", "slotprice"));

    private final Map<String, Map<String, Integer>> values;
    private final Map<String, Integer> other;

    private FeatureIndex(Map<String, Map<String, Integer>> values, Map<String, Integer> other) {
        this.values = values;
        this.other = other;
    }

    static FeatureIndex read(Path file) throws IOException {
        List<String[]> entries = new ArrayList<>(); // field, value, index
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int tab = line.indexOf('\t');
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("truncate")) {
                    continue;
                }
                if (tab < 0 || colon < 0 || colon > tab) {
                    throw InvalidInputException.of(
                            "line " + lineNumber, "line " + lineNumber + ": expected field:value<TAB>index");
                }
                String digits = leadingDigits(line.substring(tab + 1));
                if (digits.isEmpty()) {
                    throw InvalidInputException.of("line " + lineNumber, "line " + lineNumber + ": no index");
                }
                entries.add(new String[] {line.substring(0, colon), line.substring(colon + 1, tab), digits});
            }
        }
        boolean numbered = !entries.isEmpty() && entries.getFirst()[0].chars().allMatch(Character::isDigit);
        return numbered ? fromColumns(entries) : fromNames(entries);
    }

    private static FeatureIndex fromNames(List<String[]> entries) {
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        Map<String, Integer> other = new HashMap<>();
        for (String[] entry : entries) {
            int index = Integer.parseInt(entry[2]);
            if (entry[1].equals("other")) {
                other.put(entry[0], index);
            } else {
                values.computeIfAbsent(entry[0], field -> new HashMap<>()).put(entry[1], index);
            }
        }
        return new FeatureIndex(values, other);
    }

    private static FeatureIndex fromColumns(List<String[]> entries) {
        Map<String, List<String[]>> byField = new HashMap<>();
        for (String[] entry : entries) {
            String field = FIELD_BY_COLUMN.get(entry[0]);
            if (field != null) {
                byField.computeIfAbsent(field, name -> new ArrayList<>()).add(entry);
            }
        }
        Map<String, Map<String, Integer>> values = new LinkedHashMap<>();
        Map<String, Integer> other = new HashMap<>();
        int next = 0;
        for (String field : FIELDS) {
            other.put(field, next++);
            List<String[]> known = byField.getOrDefault(field, List.of()).stream()
                    .filter(entry -> !entry[1].equals("other"))
                    .sorted(Comparator.comparingInt(entry -> Integer.parseInt(entry[2])))
                    .toList();
            Map<String, Integer> fieldValues = new HashMap<>();
            for (String[] entry : known) {
                fieldValues.put(entry[1], next++);
            }
            values.put(field, fieldValues);
        }
        return new FeatureIndex(values, other);
    }

    private static String leadingDigits(String text) {
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** The values of a field with their indices (empty for an unknown field). */
    Map<String, Integer> values(String field) {
        return values.getOrDefault(field, Map.of());
    }

    /** The index of the field's "other" bucket. */
    int other(String field) {
        Integer index = other.get(field);
        if (index == null) {
            throw new IllegalArgumentException("the feature index has no '" + field + ":other' entry");
        }
        return index;
    }

    /** The index of a field's value, or of the field's "other" bucket when the value is null or unseen. */
    int indexOf(String field, String value) {
        Integer index = value == null ? null : values(field).get(value);
        return index == null ? other(field) : index;
    }
}

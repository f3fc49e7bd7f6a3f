package com.agentfactory.messaging.privacy;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a holder exports: records by kind (for example {@code conversations}), each record a map of column to value,
 * as read from the database. Values are made portable here (times as UTC instants, JSON columns as their text), so
 * every service's rows serialise the same way.
 */
public record PersonalData(Map<String, List<Map<String, Object>>> records) {

    public PersonalData {
        var portable = new TreeMap<String, List<Map<String, Object>>>();
        records.forEach((kind, rows) ->
                portable.put(kind, rows.stream().map(PersonalData::portable).toList()));
        records = Collections.unmodifiableMap(portable);
    }

    public static PersonalData none() {
        return new PersonalData(Map.of());
    }

    public static PersonalData of(String kind, List<Map<String, Object>> rows) {
        return none().and(kind, rows);
    }

    public PersonalData and(String kind, List<Map<String, Object>> rows) {
        var merged = new TreeMap<>(records);
        merged.merge(kind, rows, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        return new PersonalData(merged);
    }

    public PersonalData and(PersonalData other) {
        PersonalData merged = this;
        for (var entry : other.records.entrySet()) {
            merged = merged.and(entry.getKey(), entry.getValue());
        }
        return merged;
    }

    public long count() {
        return records.values().stream().mapToLong(List::size).sum();
    }

    private static Map<String, Object> portable(Map<String, Object> row) {
        var copy = new LinkedHashMap<String, Object>();
        row.forEach((column, value) -> copy.put(column, portable(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object portable(Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp timestamp -> timestamp.toInstant().toString();
            case OffsetDateTime time ->
                time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
            case Number number -> number;
            case Boolean flag -> flag;
            // UUIDs, JSON columns, arrays: their text form is what the database shows
            default -> value.toString();
        };
    }
}

package com.agentfactory.campaign.experiment;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an experiment's units from a CSV with a header: one row per unit, its group and its metric value. */
final class CsvArms {

    private CsvArms() {}

    /** The arms in the order their groups first appear, each unit's values in file order. */
    static Map<String, double[]> read(Reader csv, String groupColumn, String metricColumn) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get();
        Map<String, List<Double>> arms = new LinkedHashMap<>();
        try (CSVParser parser = format.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of(groupColumn, metricColumn)) {
                if (!header.contains(column)) {
                    throw new MalformedCsvException("no column '" + column + "' in the header " + header);
                }
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    throw new MalformedCsvException(
                            "line " + line + " has " + record.size() + " fields, the header " + header.size());
                }
                String group = record.get(groupColumn);
                if (group.isEmpty()) {
                    throw new MalformedCsvException("line " + line + " has no " + groupColumn);
                }
                double value;
                try {
                    value = Double.parseDouble(record.get(metricColumn));
                } catch (NumberFormatException e) {
                    throw new MalformedCsvException("line " + line + ": " + metricColumn + " '"
                            + record.get(metricColumn) + "' is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw new MalformedCsvException("line " + line + ": " + metricColumn + " is not finite");
                }
                arms.computeIfAbsent(group, key -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MalformedCsvException("not a readable CSV: " + e.getMessage());
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        arms.forEach((group, list) ->
                values.put(group, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return values;
    }

    static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }
}

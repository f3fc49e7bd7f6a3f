package com.agentfactory.support.evaluation;

import com.agentfactory.support.intent.LabelledText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads (text, label) pairs from any CSV with a header, by column name; rows with an empty text are skipped. */
final class LabelledCsv {

    private LabelledCsv() {}

    static List<LabelledText> read(Path file, String textColumn, String labelColumn, Map<String, String> labelMap)
            throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, textColumn, labelColumn, labelMap);
        }
    }

    static List<LabelledText> read(Reader reader, String textColumn, String labelColumn, Map<String, String> labelMap)
            throws IOException {
        var parser = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
        if (!parser.getHeaderMap().containsKey(textColumn)
                || !parser.getHeaderMap().containsKey(labelColumn)) {
            throw new IllegalArgumentException("CSV needs the columns '" + textColumn + "' and '" + labelColumn
                    + "'; it has " + parser.getHeaderNames());
        }
        List<LabelledText> rows = new ArrayList<>();
        for (CSVRecord record : parser) {
            String text = record.get(textColumn).strip();
            String label = record.get(labelColumn).strip();
            if (!text.isEmpty() && !label.isEmpty()) {
                rows.add(new LabelledText(text, labelMap.getOrDefault(label, label)));
            }
        }
        return rows;
    }

    /**
     * The values of another column, for the same rows {@link #read} keeps and in the same order (the language of
     * each test message, for example).
     */
    static List<String> column(Path file, String textColumn, String labelColumn, String column) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader);
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new IllegalArgumentException(
                        file + " has no column '" + column + "'; it has " + parser.getHeaderNames());
            }
            List<String> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.get(textColumn).isBlank()
                        && !record.get(labelColumn).isBlank()) {
                    values.add(record.get(column).strip());
                }
            }
            return values;
        }
    }
}

package com.agentfactory.ad.prediction;

import com.agentfactory.messaging.error.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads libsvm-style training files, one impression a line: {@code label idx:value idx:value ...} with label 0 or 1
 * (-1 and +1 are read as 0 and 1), or a bare {@code idx} for value 1. Blank lines and lines starting with
 * {@code #} are skipped. Any other malformed line is rejected with its line number.
 */
final class LibSvmReader {

    private LibSvmReader() {}

    static Dataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.of("file", "no training file at " + file);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static Dataset read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        List<Integer> labels = new ArrayList<>();
        List<SparseFeatures> rows = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] tokens = trimmed.split("\\s+");
            labels.add(label(tokens[0], lineNumber));
            int[] indices = new int[tokens.length - 1];
            float[] values = new float[tokens.length - 1];
            for (int t = 1; t < tokens.length; t++) {
                parseFeature(tokens[t], lineNumber, indices, values, t - 1);
            }
            rows.add(SparseFeatures.of(indices, values));
        }
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "the training file has no examples");
        }
        return Dataset.of(labels, rows);
    }

    private static int label(String token, int lineNumber) {
        return switch (token) {
            case "1", "+1", "1.0" -> 1;
            case "0", "-1", "0.0", "-1.0" -> 0;
            default -> throw malformed(lineNumber, "label '" + token + "' is not 0 or 1");
        };
    }

    private static void parseFeature(String token, int lineNumber, int[] indices, float[] values, int at) {
        int colon = token.indexOf(':');
        String indexText = colon < 0 ? token : token.substring(0, colon);
        try {
            int index = Integer.parseInt(indexText);
            if (index < 0) {
                throw malformed(lineNumber, "feature index " + index + " is negative");
            }
            indices[at] = index;
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "feature '" + token + "' has no integer index");
        }
        if (colon < 0) {
            values[at] = 1f;
            return;
        }
        try {
            float value = Float.parseFloat(token.substring(colon + 1));
            if (!Float.isFinite(value)) {
                throw malformed(lineNumber, "feature '" + token + "' has a value that is not finite");
            }
            values[at] = value;
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "feature '" + token + "' has no numeric value");
        }
    }

    private static InvalidInputException malformed(int lineNumber, String problem) {
        return InvalidInputException.of("line " + lineNumber, "line " + lineNumber + ": " + problem);
    }
}

package com.agentfactory.support.evaluation;

import com.agentfactory.support.intent.IntentExamples;
import com.agentfactory.support.intent.LabelledText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Object Mother of the evaluation command: the small store's examples written as CSVs (columns {@code message} and
 * {@code intent}, out-of-scope rows labelled {@code oos}) and a command line over them, so a test names only the flags
 * it is about.
 */
final class EvaluationCommand {

    static final String OOS = "oos";

    private final Path folder;
    private final List<String> args = new ArrayList<>();
    private String textColumn = "message";
    private String labelColumn = "intent";

    private EvaluationCommand(Path folder, String command) {
        this.folder = folder;
        args.add(command);
    }

    /** {@code eval} splitting the small store's CSV (with its out-of-scope rows) into training and test rows. */
    static EvaluationCommand evalSplittingTheCsv(Path folder) {
        EvaluationCommand command = new EvaluationCommand(folder, "eval");
        return command.with("--data", command.labelledCsv("labelled.csv").toString());
    }

    /** {@code eval} with the CSV's columns but no rows yet: the test adds its own source of rows. */
    static EvaluationCommand eval(Path folder) {
        return new EvaluationCommand(folder, "eval");
    }

    /** {@code train} on the small store's CSV. */
    static EvaluationCommand trainOnTheCsv(Path folder) {
        EvaluationCommand command = new EvaluationCommand(folder, "train");
        return command.with("--data", command.labelledCsv("labelled.csv").toString());
    }

    /** {@code train} with the CSV's columns but no rows yet: the test adds its own. */
    static EvaluationCommand train(Path folder) {
        return new EvaluationCommand(folder, "train");
    }

    /** {@code entities}, which reads Bitext's own columns: the command line names none. */
    static EvaluationCommand entities(Path folder) {
        EvaluationCommand command = new EvaluationCommand(folder, "entities");
        command.textColumn = null;
        command.labelColumn = null;
        return command;
    }

    EvaluationCommand with(String flag, String value) {
        args.add(flag);
        args.add(value);
        return this;
    }

    /** Reads the CSVs by these column names instead of theirs. */
    EvaluationCommand withColumns(String text, String label) {
        textColumn = text;
        labelColumn = label;
        return this;
    }

    /** Rows labelled {@code oos} are out of scope: never trained on, to be rejected. */
    EvaluationCommand withOutOfScopeLabel() {
        return with("--oos-label", OOS);
    }

    /** A quarter of the 28 rows to test (7), always the same ones. */
    EvaluationCommand testingAQuarter() {
        return with("--test-fraction", "0.25").with("--seed", "7");
    }

    /** The small store's examples and out-of-scope messages, under another name each time one is asked for. */
    Path labelledCsv(String name) {
        List<String> lines = new ArrayList<>(List.of("message,intent"));
        for (LabelledText example : IntentExamples.smallStore()) {
            lines.add(quoted(example.text()) + "," + example.label());
        }
        for (String message : IntentExamples.outOfScope()) {
            lines.add(quoted(message) + "," + OOS);
        }
        return write(name, lines);
    }

    /** A path in the folder with no file behind it: a command refused before reading its files never notices. */
    Path unwritten(String name) {
        return folder.resolve(name);
    }

    /** Messages in Bitext's entity columns: one with a tagged order number, one with nothing tagged. */
    Path entitiesCsv(String name) {
        return write(
                name,
                List.of(
                        "instruction,entity_type,start_offset,end_offset",
                        "\"where is order 12345\",order_id,15,20",
                        "\"how do I change my password\",,,"));
    }

    /** The small store's examples with a language column: every third one "de", the others "en". */
    Path languagesCsv() {
        List<String> lines = new ArrayList<>(List.of("message,intent,language"));
        List<LabelledText> examples = IntentExamples.smallStore();
        for (int i = 0; i < examples.size(); i++) {
            lines.add(
                    quoted(examples.get(i).text()) + "," + examples.get(i).label() + "," + (i % 3 == 0 ? "de" : "en"));
        }
        return write("languages.csv", lines);
    }

    Outcome run() {
        List<String> line = new ArrayList<>(args);
        if (textColumn != null) {
            line.addAll(List.of("--text-column", textColumn, "--label-column", labelColumn));
        }
        var output = new ByteArrayOutputStream();
        var errors = new ByteArrayOutputStream();
        try {
            int status = EvaluationMain.run(
                    line.toArray(String[]::new),
                    new PrintStream(output, true, StandardCharsets.UTF_8),
                    new PrintStream(errors, true, StandardCharsets.UTF_8));
            return new Outcome(
                    status, output.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, List<String> lines) {
        try {
            return Files.write(folder.resolve(name), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** What a run printed: its exit status, its output (the JSON summary last) and its errors. */
    record Outcome(int status, String output, String errors) {

        JsonNode summary() {
            String[] lines = output.strip().split("\n");
            return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        }
    }
}

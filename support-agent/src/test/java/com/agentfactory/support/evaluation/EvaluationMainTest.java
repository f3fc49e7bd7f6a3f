package com.agentfactory.support.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.intent.IntentExamples;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.LabelledText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluationMainTest {

    @TempDir
    Path folder;

    @Test
    void evalPrintsAccuracyMacroF1AndOutOfScopeRecallAsJsonOnTheLastLine() throws IOException {
        Path csv = tinyCsv();
        var output = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "eval",
                    "--data",
                    csv.toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent",
                    "--oos-label",
                    "oos",
                    "--test-fraction",
                    "0.25",
                    "--seed",
                    "7"
                },
                new PrintStream(output, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        JsonNode summary = lastLine(output);
        assertThat(summary.get("command").asString()).isEqualTo("eval");
        assertThat(summary.get("test_examples").asInt()).isEqualTo(7);
        assertThat(summary.get("accuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(summary.get("macro_f1").asDouble()).isBetween(0.3, 1.0);
        assertThat(summary.has("oos_recall")).isTrue();
    }

    @Test
    void trainWritesAVersionedModelArtefact() throws IOException {
        Path csv = tinyCsv();
        Path model = folder.resolve("model.bin");
        var output = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "train",
                    "--data",
                    csv.toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent",
                    "--oos-label",
                    "oos",
                    "--out",
                    model.toString()
                },
                new PrintStream(output, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        JsonNode summary = lastLine(output);
        try (InputStream in = Files.newInputStream(model)) {
            IntentModel loaded = IntentModel.read(in);
            assertThat(loaded.version()).isEqualTo(summary.get("model_version").asString());
            assertThat(loaded.labels()).containsExactly("account_password", "order_status", "return_request");
        }
    }

    @Test
    void refusesACsvWithoutTheNamedColumns() throws IOException {
        Path csv = tinyCsv();
        var errors = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {"eval", "--data", csv.toString(), "--text-column", "text", "--label-column", "label"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("'text'");
    }

    @Test
    void stratifiedSplitKeepsEveryLabelInBothParts() {
        var parts = EvaluationMain.stratifiedSplit(IntentExamples.smallStore(), 0.25, 1);

        assertThat(parts.get(1)).hasSize(6);
        assertThat(parts.get(0)).hasSize(18);
        assertThat(parts.get(1).stream().map(LabelledText::label).distinct()).hasSize(3);
    }

    private Path tinyCsv() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("message,intent");
        for (LabelledText example : IntentExamples.smallStore()) {
            lines.add("\"" + example.text() + "\"," + example.label());
        }
        for (String message : IntentExamples.outOfScope()) {
            lines.add("\"" + message + "\",oos");
        }
        Path csv = folder.resolve("tiny.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private static JsonNode lastLine(ByteArrayOutputStream output) {
        String[] lines = output.toString(StandardCharsets.UTF_8).strip().split("\n");
        return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    }
}

package com.agentfactory.support.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.intent.IntentExamples;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.IntentTrainer;
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
    void evalPrintsInScopeFiguresAndOutOfScopeRecallAndPrecisionAsJsonOnTheLastLine() throws IOException {
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
        assertThat(summary.get("test_in_scope").asInt()
                        + summary.get("test_out_of_scope").asInt())
                .isEqualTo(7);
        assertThat(summary.get("test_out_of_scope").asInt()).isPositive();
        assertThat(summary.get("in_scope_accuracy").asDouble()).isBetween(0.5, 1.0);
        assertThat(summary.get("in_scope_macro_f1").asDouble()).isBetween(0.3, 1.0);
        // out-of-scope rows are not top-3 misses: the three intents cover every in-scope row
        assertThat(summary.get("in_scope_top3_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(summary.has("oos_recall")).isTrue();
        assertThat(summary.has("oos_precision")).isTrue();
        assertThat(summary.get("oos_threshold").asDouble()).isEqualTo(IntentModel.DEFAULT_OOS_THRESHOLD);
        assertThat(summary.get("oos_threshold_from").asString()).isEqualTo("default");
    }

    @Test
    void evalTunesTheOutOfScopeThresholdOnTheValidationFileAndTheWrittenModelKeepsIt() throws IOException {
        Path csv = tinyCsv();
        Path validation = tinyCsv("validation.csv");
        Path model = folder.resolve("tuned.bin");
        var output = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "eval",
                    "--data",
                    csv.toString(),
                    "--validation",
                    validation.toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent",
                    "--oos-label",
                    "oos",
                    "--test-fraction",
                    "0.25",
                    "--seed",
                    "7",
                    "--model-out",
                    model.toString()
                },
                new PrintStream(output, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        JsonNode summary = lastLine(output);
        assertThat(summary.get("oos_threshold_from").asString()).isEqualTo("validation");
        try (InputStream in = Files.newInputStream(model)) {
            assertThat(IntentModel.read(in).oosThreshold())
                    .isEqualTo(summary.get("oos_threshold").asDouble())
                    .isBetween(0.0, 1.0);
        }
    }

    @Test
    void evalCanCarveTheValidationRowsOutOfTheTrainingRows() throws IOException {
        Path csv = tinyCsv();
        var output = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "eval",
                    "--data",
                    csv.toString(),
                    "--validation-fraction",
                    "0.25",
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
        assertThat(summary.get("oos_threshold_from").asString()).isEqualTo("validation");
        assertThat(summary.get("test_examples").asInt()).isEqualTo(7);
        // 28 rows (3 intents x 8, 4 out of scope): 7 to test, 7 of the other 21 to validate, 12 in scope to train
        assertThat(summary.get("train_examples").asInt()).isEqualTo(12);
    }

    @Test
    void refusesToTuneTheThresholdWithoutAnOutOfScopeLabel() throws IOException {
        Path csv = tinyCsv();
        var errors = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "eval",
                    "--data",
                    csv.toString(),
                    "--validation",
                    csv.toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent"
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--oos-label");
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
        assertThat(summary.get("trainer").get("epochs").asInt())
                .isEqualTo(IntentTrainer.Options.defaults().epochs());
    }

    @Test
    void evalTrainsWithTheTrainerSettingsGivenAndReportsThem() throws IOException {
        Outcome outcome = evalOnTinyCsv(
                "--oos-label",
                "oos",
                "--test-fraction",
                "0.25",
                "--epochs",
                "5",
                "--l2",
                "0.001",
                "--learning-rate",
                "0.02",
                "--batch-size",
                "8");

        assertThat(outcome.status()).isZero();
        JsonNode trainer = outcome.summary().get("trainer");
        assertThat(trainer.get("epochs").asInt()).isEqualTo(5);
        assertThat(trainer.get("l2").asDouble()).isEqualTo(0.001);
        assertThat(trainer.get("learning_rate").asDouble()).isEqualTo(0.02);
        assertThat(trainer.get("batch_size").asInt()).isEqualTo(8);
    }

    @Test
    void refusesTrainerSettingsThatAreNotPositiveNumbers() throws IOException {
        for (String[] setting : List.of(
                new String[] {"--epochs", "0"}, new String[] {"--l2", "-1"}, new String[] {"--learning-rate", "fast"
                })) {
            Outcome outcome = evalOnTinyCsv(setting);

            assertThat(outcome.status()).as(setting[0]).isEqualTo(2);
            assertThat(outcome.errors()).as(setting[0]).contains(setting[0]);
        }
    }

    @Test
    void evalOfAStoredModelReportsTheShareRightAndTrustedPerLanguage() throws IOException {
        Path model = folder.resolve("model.bin");
        EvaluationMain.run(
                new String[] {
                    "train",
                    "--data",
                    tinyCsv().toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent",
                    "--oos-label",
                    "oos",
                    "--oos-threshold",
                    "0.6",
                    "--out",
                    model.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        Path test = languagesCsv();
        var output = new ByteArrayOutputStream();

        int status = EvaluationMain.run(
                new String[] {
                    "eval",
                    "--model",
                    model.toString(),
                    "--test",
                    test.toString(),
                    "--text-column",
                    "message",
                    "--label-column",
                    "intent",
                    "--language-column",
                    "language"
                },
                new PrintStream(output, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        JsonNode summary = lastLine(output);
        assertThat(summary.get("train_examples").asInt()).isZero();
        assertThat(summary.get("threshold_for_trusted").asDouble()).isEqualTo(0.6);
        JsonNode german = summary.get("by_language").get("de");
        JsonNode english = summary.get("by_language").get("en");
        assertThat(german.get("test_in_scope").asInt()).isEqualTo(8);
        assertThat(english.get("test_in_scope").asInt()).isEqualTo(16);
        // the model was trained on these very messages: its top intent is right, if not always trusted
        assertThat(english.get("top_intent_accuracy").asDouble()).isEqualTo(1.0);
        assertThat(english.get("trusted_accuracy").asDouble())
                .isBetween(0.0, english.get("top_intent_accuracy").asDouble());
    }

    @Test
    void refusesALanguageColumnWhenTheTestRowsComeFromASplitOfTheData() throws IOException {
        // the --test file would be read for its languages only: the test rows are the split's, from --data
        Outcome outcome = evalOnTinyCsv("--test", languagesCsv().toString(), "--language-column", "language");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors())
                .contains("--language-column")
                .contains("--model")
                .contains("--train");
        assertThat(outcome.output()).isEmpty();
    }

    @Test
    void evalTrainsOnExtraRowsWithoutTestingOnThem() throws IOException {
        Outcome without = evalOnTinyCsv("--oos-label", "oos", "--test-fraction", "0.25", "--seed", "7");
        Outcome with = evalOnTinyCsv(
                "--oos-label",
                "oos",
                "--test-fraction",
                "0.25",
                "--seed",
                "7",
                "--extra-train",
                tinyCsv("extra.csv").toString());

        assertThat(with.status()).isZero();
        assertThat(with.summary().get("test_examples").asInt())
                .isEqualTo(without.summary().get("test_examples").asInt());
        // the 24 in-scope rows of the extra file join the training rows; its out-of-scope rows are never trained on
        assertThat(with.summary().get("train_examples").asInt())
                .isEqualTo(without.summary().get("train_examples").asInt() + 24);
    }

    /** What an eval of the tiny CSV printed, with these options besides its file and columns. */
    private record Outcome(int status, String output, String errors) {

        JsonNode summary() {
            return lastLine(output);
        }
    }

    private Outcome evalOnTinyCsv(String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "eval", "--data", tinyCsv().toString(), "--text-column", "message", "--label-column", "intent"));
        args.addAll(List.of(options));
        var output = new ByteArrayOutputStream();
        var errors = new ByteArrayOutputStream();
        int status = EvaluationMain.run(
                args.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
        return new Outcome(status, output.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8));
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

    /** The small store's examples with a language column: every third one "de", the others "en". */
    private Path languagesCsv() throws IOException {
        List<String> lines = new ArrayList<>(List.of("message,intent,language"));
        List<LabelledText> examples = IntentExamples.smallStore();
        for (int i = 0; i < examples.size(); i++) {
            lines.add(
                    "\"" + examples.get(i).text() + "\"," + examples.get(i).label() + "," + (i % 3 == 0 ? "de" : "en"));
        }
        return Files.write(folder.resolve("languages.csv"), lines, StandardCharsets.UTF_8);
    }

    private Path tinyCsv() throws IOException {
        return tinyCsv("tiny.csv");
    }

    private Path tinyCsv(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("message,intent");
        for (LabelledText example : IntentExamples.smallStore()) {
            lines.add("\"" + example.text() + "\"," + example.label());
        }
        for (String message : IntentExamples.outOfScope()) {
            lines.add("\"" + message + "\",oos");
        }
        Path csv = folder.resolve(name);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private static JsonNode lastLine(ByteArrayOutputStream output) {
        return lastLine(output.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    }
}

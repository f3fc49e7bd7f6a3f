package com.agentfactory.support.evaluation;

import static com.agentfactory.support.evaluation.EvaluationCommand.entities;
import static com.agentfactory.support.evaluation.EvaluationCommand.eval;
import static com.agentfactory.support.evaluation.EvaluationCommand.evalSplittingTheCsv;
import static com.agentfactory.support.evaluation.EvaluationCommand.train;
import static com.agentfactory.support.evaluation.EvaluationCommand.trainOnTheCsv;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.support.evaluation.EvaluationCommand.Outcome;
import com.agentfactory.support.intent.IntentExamples;
import com.agentfactory.support.intent.IntentModel;
import com.agentfactory.support.intent.IntentTrainer;
import com.agentfactory.support.intent.LabelledText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class EvaluationMainTest {

    @TempDir
    Path folder;

    @Test
    void evalPrintsInScopeFiguresAndOutOfScopeRecallAndPrecisionAsJsonOnTheLastLine() {
        Outcome outcome = evalSplittingTheCsv(folder)
                .withOutOfScopeLabel()
                .testingAQuarter()
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode summary = outcome.summary();
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
        EvaluationCommand command = evalSplittingTheCsv(folder);
        Path model = folder.resolve("tuned.bin");

        Outcome outcome = command.withOutOfScopeLabel()
                .testingAQuarter()
                .with("--validation", command.labelledCsv("validation.csv").toString())
                .with("--model-out", model.toString())
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode summary = outcome.summary();
        assertThat(summary.get("oos_threshold_from").asString()).isEqualTo("validation");
        try (InputStream in = Files.newInputStream(model)) {
            assertThat(IntentModel.read(in).oosThreshold())
                    .isEqualTo(summary.get("oos_threshold").asDouble())
                    .isBetween(0.0, 1.0);
        }
    }

    @Test
    void evalCanCarveTheValidationRowsOutOfTheTrainingRows() {
        Outcome outcome = evalSplittingTheCsv(folder)
                .withOutOfScopeLabel()
                .testingAQuarter()
                .with("--validation-fraction", "0.25")
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode summary = outcome.summary();
        assertThat(summary.get("oos_threshold_from").asString()).isEqualTo("validation");
        assertThat(summary.get("test_examples").asInt()).isEqualTo(7);
        // 28 rows (3 intents x 8, 4 out of scope): 7 to test, 7 of the other 21 to validate, 12 in scope to train
        assertThat(summary.get("train_examples").asInt()).isEqualTo(12);
    }

    @Test
    void refusesToTuneTheThresholdWithoutAnOutOfScopeLabel() {
        EvaluationCommand command = evalSplittingTheCsv(folder);

        Outcome outcome = command.with(
                        "--validation", command.labelledCsv("validation.csv").toString())
                .run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors()).contains("--oos-label");
    }

    @Test
    void refusesValidationThatCannotTuneTheThresholdBeforeReadingAFileOrTraining() {
        // none of these files exists: a refusal that came after reading them would fail on the first instead
        EvaluationCommand files = eval(folder);
        String data = files.unwritten("unwritten-data.csv").toString();
        String validation = files.unwritten("unwritten-validation.csv").toString();
        Map<String, EvaluationCommand> refused = Map.of(
                "--validation tunes the out-of-scope threshold: it needs --oos-label",
                eval(folder).with("--data", data).with("--validation", validation),
                "--validation-fraction tunes the out-of-scope threshold: it needs --oos-label",
                eval(folder).with("--data", data).with("--validation-fraction", "0.25"),
                "give either --validation or --oos-threshold, not both",
                eval(folder)
                        .with("--data", data)
                        .withOutOfScopeLabel()
                        .with("--validation", validation)
                        .with("--oos-threshold", "0.5"),
                "give either --validation-fraction or --oos-threshold, not both",
                eval(folder)
                        .with("--data", data)
                        .withOutOfScopeLabel()
                        .with("--validation-fraction", "0.25")
                        .with("--oos-threshold", "0.5"),
                "train: --validation tunes the out-of-scope threshold: it needs --oos-label",
                train(folder)
                        .with("--data", data)
                        .with("--validation", validation)
                        .with("--out", folder.resolve("model.bin").toString()),
                "train: give either --validation or --oos-threshold, not both",
                train(folder)
                        .with("--data", data)
                        .withOutOfScopeLabel()
                        .with("--validation", validation)
                        .with("--oos-threshold", "0.5")
                        .with("--out", folder.resolve("model.bin").toString()));

        refused.forEach((message, command) -> {
            Outcome outcome = command.run();

            assertThat(outcome.status()).as(message).isEqualTo(2);
            assertThat(outcome.errors()).as(message).contains(message.replaceFirst("^train: ", ""));
            assertThat(outcome.output()).as(message).isEmpty();
        });
    }

    @Test
    void refusesAValidationFileBesideAValidationFractionBeforeReadingAFile() {
        // none of these files exists: a refusal that came after reading them would fail on the first instead
        EvaluationCommand files = eval(folder);
        String validation = files.unwritten("unwritten-validation.csv").toString();
        Map<String, EvaluationCommand> refused = Map.of(
                "a --data split",
                eval(folder)
                        .with("--data", files.unwritten("unwritten-data.csv").toString())
                        .withOutOfScopeLabel()
                        .with("--validation", validation)
                        .with("--validation-fraction", "0.25"),
                "--train and --test files",
                eval(folder)
                        .with("--train", files.unwritten("unwritten-train.csv").toString())
                        .with("--test", files.unwritten("unwritten-test.csv").toString())
                        .withOutOfScopeLabel()
                        .with("--validation-fraction", "0.25")
                        .with("--validation", validation),
                "no out-of-scope label either",
                eval(folder)
                        .with("--data", files.unwritten("unwritten-data.csv").toString())
                        .with("--validation", validation)
                        .with("--validation-fraction", "0.25"));

        refused.forEach((source, command) -> {
            Outcome outcome = command.run();

            assertThat(outcome.status()).as(source).isEqualTo(2);
            assertThat(outcome.errors())
                    .as(source)
                    .contains("give either --validation FILE or --validation-fraction F, not both");
            assertThat(outcome.output()).as(source).isEmpty();
        });
    }

    @Test
    void refusesAValidationFractionOutOfRangeBesideADataSplitBeforeReadingTheData() {
        EvaluationCommand command = eval(folder);

        Outcome outcome = command.with(
                        "--data", command.unwritten("unwritten-data.csv").toString())
                .withOutOfScopeLabel()
                .with("--validation-fraction", "1.5")
                .run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors()).contains("--validation-fraction takes a fraction above 0 and below 1, not 1.5");
    }

    @Test
    void refusesASecondDataFileForEntitiesWhichReadsOneInsteadOfIgnoringIt() {
        EvaluationCommand command = entities(folder);

        Outcome outcome = command.with(
                        "--data", command.entitiesCsv("first.csv").toString())
                .with("--data", command.entitiesCsv("second.csv").toString())
                .run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors())
                .contains("entities reads one --data file")
                .contains("first.csv")
                .contains("second.csv");
        assertThat(outcome.output()).isEmpty();
    }

    @Test
    void entitiesScoresTheOneDataFile() {
        EvaluationCommand command = entities(folder);

        Outcome outcome = command.with(
                        "--data", command.entitiesCsv("entities.csv").toString())
                .run();

        assertThat(outcome.status()).as(outcome.errors()).isZero();
        assertThat(outcome.summary().get("command").asString()).isEqualTo("entities");
        assertThat(outcome.summary().get("messages").asInt()).isEqualTo(2);
    }

    @Test
    void trainWritesAVersionedModelArtefact() throws IOException {
        Path model = folder.resolve("model.bin");

        Outcome outcome = trainOnTheCsv(folder)
                .withOutOfScopeLabel()
                .with("--out", model.toString())
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode summary = outcome.summary();
        try (InputStream in = Files.newInputStream(model)) {
            IntentModel loaded = IntentModel.read(in);
            assertThat(loaded.version()).isEqualTo(summary.get("model_version").asString());
            assertThat(loaded.labels()).containsExactly("account_password", "order_status", "return_request");
        }
        assertThat(summary.get("trainer").get("epochs").asInt())
                .isEqualTo(IntentTrainer.Options.defaults().epochs());
    }

    @Test
    void evalTrainsWithTheTrainerSettingsGivenAndReportsThem() {
        Outcome outcome = evalSplittingTheCsv(folder)
                .withOutOfScopeLabel()
                .testingAQuarter()
                .with("--epochs", "5")
                .with("--l2", "0.001")
                .with("--learning-rate", "0.02")
                .with("--batch-size", "8")
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode trainer = outcome.summary().get("trainer");
        assertThat(trainer.get("epochs").asInt()).isEqualTo(5);
        assertThat(trainer.get("l2").asDouble()).isEqualTo(0.001);
        assertThat(trainer.get("learning_rate").asDouble()).isEqualTo(0.02);
        assertThat(trainer.get("batch_size").asInt()).isEqualTo(8);
    }

    @Test
    void refusesTrainerSettingsThatAreNotPositiveNumbers() {
        Map<String, String> settings = Map.of("--epochs", "0", "--l2", "-1", "--learning-rate", "fast");
        settings.forEach((flag, value) -> {
            Outcome outcome = evalSplittingTheCsv(folder).with(flag, value).run();

            assertThat(outcome.status()).as(flag).isEqualTo(2);
            assertThat(outcome.errors()).as(flag).contains(flag);
        });
    }

    @Test
    void evalOfAStoredModelReportsTheShareRightAndTrustedPerLanguage() {
        Path model = storedModelWithThreshold("0.6");
        EvaluationCommand command = eval(folder);

        Outcome outcome = command.with("--model", model.toString())
                .with("--test", command.languagesCsv().toString())
                .with("--language-column", "language")
                .run();

        assertThat(outcome.status()).isZero();
        JsonNode summary = outcome.summary();
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
    void refusesALanguageColumnWhenTheTestRowsComeFromASplitOfTheData() {
        // the --test file would be read for its languages only: the test rows are the split's, from --data
        EvaluationCommand command = evalSplittingTheCsv(folder);

        Outcome outcome = command.with("--test", command.languagesCsv().toString())
                .with("--language-column", "language")
                .run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors())
                .contains("--language-column")
                .contains("--model")
                .contains("--train");
        assertThat(outcome.output()).isEmpty();
    }

    @Test
    void refusesATestFileBesideADataSplitInsteadOfIgnoringIt() {
        // a --data split tests on rows of --data: the --test file would not be read at all
        EvaluationCommand command = evalSplittingTheCsv(folder);

        Outcome outcome = command.with("--test", command.labelledCsv("test.csv").toString())
                .run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors()).contains("--data").contains("--test").contains("--train FILE --test FILE");
        assertThat(outcome.output()).isEmpty();
    }

    @Test
    void evalTestsOnTheTestFileWhenTrainedOnATrainFile() {
        EvaluationCommand command = eval(folder);

        Outcome outcome = command.with(
                        "--train", command.labelledCsv("train.csv").toString())
                .with("--test", command.languagesCsv().toString())
                .run();

        assertThat(outcome.status()).isZero();
        // every row of the languages file, none of a split
        assertThat(outcome.summary().get("test_examples").asInt())
                .isEqualTo(IntentExamples.smallStore().size());
        assertThat(outcome.summary().get("split").asString()).isEqualTo("given");
    }

    @Test
    void refusesMoreThanOneSourceOfTestRowsNamingThem() {
        Path model = storedModelWithThreshold("0.6");
        EvaluationCommand command = evalSplittingTheCsv(folder);

        Outcome dataAndModel = command.with("--model", model.toString()).run();
        Outcome trainAndModel = eval(folder)
                .with("--train", command.labelledCsv("train.csv").toString())
                .with("--model", model.toString())
                .with("--test", command.labelledCsv("test.csv").toString())
                .run();

        assertThat(dataAndModel.status()).isEqualTo(2);
        assertThat(dataAndModel.errors()).contains("not --data and --model");
        assertThat(trainAndModel.status()).isEqualTo(2);
        assertThat(trainAndModel.errors()).contains("not --train and --model");
    }

    @Test
    void refusesAFlagTheChosenSourceOfTestRowsWouldIgnore() {
        Path model = storedModelWithThreshold("0.6");
        EvaluationCommand files = eval(folder);
        String train = files.labelledCsv("train.csv").toString();
        String test = files.labelledCsv("test.csv").toString();
        Map<String, EvaluationCommand> ignoring = Map.of(
                "--test-fraction",
                eval(folder).with("--train", train).with("--test", test).with("--test-fraction", "0.25"),
                "--seed",
                eval(folder).with("--train", train).with("--test", test).with("--seed", "7"),
                "--epochs",
                eval(folder)
                        .with("--model", model.toString())
                        .with("--test", test)
                        .with("--epochs", "5"),
                "--extra-train",
                eval(folder)
                        .with("--model", model.toString())
                        .with("--test", test)
                        .with("--extra-train", train),
                "--test FILE is required",
                eval(folder).with("--train", train));

        ignoring.forEach((flag, command) -> {
            Outcome outcome = command.run();

            assertThat(outcome.status()).as(flag).isEqualTo(2);
            assertThat(outcome.errors()).as(flag).contains(flag);
            assertThat(outcome.output()).as(flag).isEmpty();
        });
    }

    @Test
    void refusesAnUnknownFlagAFlagGivenTwiceAndAFractionOutOfRange() {
        Outcome misspelt =
                evalSplittingTheCsv(folder).with("--tset", "test.csv").run();
        Outcome twice = evalSplittingTheCsv(folder)
                .testingAQuarter()
                .with("--seed", "8")
                .run();
        Outcome whole =
                evalSplittingTheCsv(folder).with("--test-fraction", "1.5").run();

        assertThat(misspelt.status()).isEqualTo(2);
        assertThat(misspelt.errors()).contains("eval has no option --tset").contains("--test,");
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.errors()).contains("--seed takes one value");
        assertThat(whole.status()).isEqualTo(2);
        assertThat(whole.errors()).contains("--test-fraction takes a fraction above 0 and below 1");
    }

    @Test
    void evalTrainsOnExtraRowsWithoutTestingOnThem() {
        Outcome without = evalSplittingTheCsv(folder)
                .withOutOfScopeLabel()
                .testingAQuarter()
                .run();
        EvaluationCommand command = evalSplittingTheCsv(folder);
        Outcome with = command.withOutOfScopeLabel()
                .testingAQuarter()
                .with("--extra-train", command.labelledCsv("extra.csv").toString())
                .run();

        assertThat(with.status()).isZero();
        assertThat(with.summary().get("test_examples").asInt())
                .isEqualTo(without.summary().get("test_examples").asInt());
        // the 24 in-scope rows of the extra file join the training rows; its out-of-scope rows are never trained on
        assertThat(with.summary().get("train_examples").asInt())
                .isEqualTo(without.summary().get("train_examples").asInt() + 24);
    }

    @Test
    void refusesACsvWithoutTheNamedColumns() {
        Outcome outcome =
                evalSplittingTheCsv(folder).withColumns("text", "label").run();

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.errors()).contains("'text'");
    }

    @Test
    void stratifiedSplitKeepsEveryLabelInBothParts() {
        var parts = EvaluationMain.stratifiedSplit(IntentExamples.smallStore(), 0.25, 1);

        assertThat(parts.get(1)).hasSize(6);
        assertThat(parts.get(0)).hasSize(18);
        assertThat(parts.get(1).stream().map(LabelledText::label).distinct()).hasSize(3);
    }

    private Path storedModelWithThreshold(String threshold) {
        Path model = folder.resolve("model.bin");
        Outcome trained = trainOnTheCsv(folder)
                .withOutOfScopeLabel()
                .with("--oos-threshold", threshold)
                .with("--out", model.toString())
                .run();
        assertThat(trained.status()).as(trained.errors()).isZero();
        return model;
    }
}

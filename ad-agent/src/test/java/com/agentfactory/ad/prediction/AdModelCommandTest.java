package com.agentfactory.ad.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class AdModelCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AdModelCommand command =
            new AdModelCommand(new PrintStream(out, true), new PrintStream(err, true), Clock.systemUTC());

    @Test
    void rejectsAMalformedTrainingFileNamingTheLineWithoutAStackTrace() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.txt"), "0 1:1\n1 2:1 x:1\n");

        int exit = command.run(new String[] {"eval", "--file", file.toString()});

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("line 2: feature 'x:1' has no integer index")
                .doesNotContain("at com.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void rejectsAMissingFileAndUnknownOptions() {
        assertThat(command.run(new String[] {
                    "eval", "--file", folder.resolve("none.txt").toString()
                }))
                .isEqualTo(2);
        assertThat(command.run(new String[] {"eval", "--file", "x", "--colour", "red"}))
                .isEqualTo(2);
        assertThat(command.run(new String[] {"predict"})).isEqualTo(2);
        assertThat(err.toString()).contains("no training file at").contains("unknown option --colour");
    }

    @Test
    void evalPrintsEveryModelAndTheBaselineAsJsonOnTheLastLine() throws IOException {
        Path file = Files.writeString(
                folder.resolve("train.txt"), Impressions.toLibSvm(Impressions.generated(3000, 4, true, 11)));

        int exit = command.run(new String[] {
            "eval", "--file", file.toString(), "--folds", "3", "--seed", "1", "--models", "gbt,gbt-cross,ftrl,ensemble"
        });

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        Map<String, Object> report =
                Xgboost.JSON.readValue(lines.getLast(), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> models = (Map<String, Map<String, Object>>) report.get("models");
        assertThat(models).containsOnlyKeys("gbt", "gbt-cross", "ftrl", "ensemble", "lr");
        assertThat(models.get("gbt"))
                .containsKeys(
                        "auc", "auc_folds", "log_loss", "expected_clicks", "observed_clicks", "calibration_ratio");
        assertThat((List<?>) models.get("lr").get("auc_folds")).hasSize(3);
        assertThat(report).containsEntry("baseline", "lr").containsEntry("served", "gbt");
        assertThat((double) models.get("gbt").get("auc"))
                .isGreaterThan((double) models.get("lr").get("auc"));
    }

    @Test
    void trainStoresAVersionThatBenchTimes() throws IOException {
        Path file = Files.writeString(
                folder.resolve("train.txt"), Impressions.toLibSvm(Impressions.generated(1500, 4, false, 12)));
        Path models = folder.resolve("models");

        int trained = command.run(
                new String[] {"train", "--file", file.toString(), "--model", "gbt-cross", "--out", models.toString()});
        int timed = command.run(
                new String[] {"bench", "--file", file.toString(), "--models", models.toString(), "--repeat", "1"});

        assertThat(trained).isZero();
        assertThat(timed).isZero();
        Map<String, Object> report = Xgboost.JSON.readValue(
                out.toString().lines().toList().getLast(), new TypeReference<Map<String, Object>>() {});
        assertThat(report)
                .containsEntry("kind", "gbt-cross")
                .containsEntry("predictions", 1500)
                .containsKey("p99_micros");
    }
}

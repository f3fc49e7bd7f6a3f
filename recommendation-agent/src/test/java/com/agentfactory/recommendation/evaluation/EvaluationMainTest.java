package com.agentfactory.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluationMainTest {

    @Test
    void itemCfFindsTheItemBoughtTogetherWhilePopularityRecommendsTheBestSeller() {
        // everyone takes "best"; u1..u3 pair "left" with "right"; u4 only has "left" in train and "right" in test
        List<InteractionFile.Row> train = List.of(
                row("u1", "left"),
                row("u1", "right"),
                row("u1", "best"),
                row("u2", "left"),
                row("u2", "right"),
                row("u2", "best"),
                row("u3", "left"),
                row("u3", "right"),
                row("u3", "best"),
                row("u5", "best"),
                row("u5", "other"),
                row("u6", "best"),
                row("u6", "other"),
                row("u7", "best"),
                row("u7", "other"),
                row("u7", "solo"),
                row("u4", "left"));
        List<InteractionFile.Row> test = List.of(row("u4", "right"));

        Map<String, Object> summary = EvaluationMain.evaluate(train, test, 1, false, 50);

        @SuppressWarnings("unchecked")
        var models = (Map<String, Map<String, Double>>) summary.get("models");
        assertThat(models.get("item_cf").get("hr_at_k")).isEqualTo(1.0);
        assertThat(models.get("popularity").get("hr_at_k")).isEqualTo(0.0);
        assertThat(summary.get("test_users")).isEqualTo(1);
    }

    @Test
    void printsEveryModelTheEnsembleAndThePopularityBaselineAsJsonOnTheLastLine(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, """
                user_id,item_id,timestamp,rating
                u1,left,1,5
                u1,right,2,4
                u2,left,1,4
                u2,right,2,5
                u3,best,1,3
                u3,other,2,2
                u4,left,1,5
                """);
        Files.writeString(test, "user_id,item_id,timestamp\nu4,right,3\n");

        String out = run("--train", train.toString(), "--test", test.toString());

        String[] lines = out.strip().split("\n");
        JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(summary.get("test_users").asInt()).isEqualTo(1);
        JsonNode models = summary.get("models");
        assertThat(models.propertyNames())
                .contains("popularity", "item_cf", "user_cf", "ease", "ratings_mf", "session", "ensemble");
        for (String metric : List.of(
                "hr_at_k",
                "precision_at_k",
                "recall_at_k",
                "ndcg_at_k",
                "map",
                "catalog_coverage",
                "intra_list_diversity")) {
            assertThat(models.get("ensemble").has(metric)).as(metric).isTrue();
        }
        assertThat(models.get("ease").get("hr_at_k").asDouble()).isEqualTo(1.0);
    }

    @Test
    void ratingTaskReportsTheErrorOfPredictedRatings(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        Files.writeString(train, "user_id,item_id,timestamp,rating\nu1,a,1,4\nu2,a,1,4\nu2,b,2,2\n");
        Files.writeString(test, "user_id,item_id,timestamp,rating\nu1,b,3,2\n");

        String out = run("--train", train.toString(), "--test", test.toString(), "--task", "rating", "--epochs", "5");

        String[] lines = out.strip().split("\n");
        JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(summary.get("test_ratings").asInt()).isEqualTo(1);
        assertThat(summary.get("rmse").asDouble()).isBetween(0.0, 2.0);
    }

    @Test
    void stratifiedSplitKeepsTheShareOfEveryUserInTrain() {
        List<InteractionFile.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(row("many", "m" + i));
        }
        for (int i = 0; i < 4; i++) {
            rows.add(row("few", "f" + i));
        }

        var split = EvaluationMain.stratifiedSplit(rows, 0.75, 42);

        assertThat(split.get(0)).filteredOn(r -> r.userId().equals("many")).hasSize(6);
        assertThat(split.get(0)).filteredOn(r -> r.userId().equals("few")).hasSize(3);
        assertThat(split.get(1)).hasSize(3);
        assertThat(EvaluationMain.stratifiedSplit(rows, 0.75, 42)).isEqualTo(split);
    }

    private static String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            EvaluationMain.main(args);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static InteractionFile.Row row(String user, String item) {
        return new InteractionFile.Row(user, item, 0L, 1.0);
    }
}

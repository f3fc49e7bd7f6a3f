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
        var known = (Map<String, Object>) summary.get("known_customers");
        @SuppressWarnings("unchecked")
        var models = (Map<String, Map<String, Double>>) known.get("models");
        assertThat(models.get("item_cf").get("hr_at_k")).isEqualTo(1.0);
        assertThat(models.get("cosine_item_knn").get("hr_at_k")).isEqualTo(1.0);
        assertThat(models.get("popularity").get("hr_at_k")).isEqualTo(0.0);
        assertThat(known.get("test_users")).isEqualTo(1);
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
        assertThat(summary.at("/known_customers/test_users").asInt()).isEqualTo(1);
        JsonNode models = summary.at("/known_customers/models");
        assertThat(models.propertyNames())
                .contains(
                        "popularity",
                        "cosine_item_knn",
                        "item_cf",
                        "user_cf",
                        "ease",
                        "ratings_mf",
                        "session",
                        "trending",
                        "ensemble");
        assertThat(summary.at("/all_customers/models").propertyNames()).contains("ensemble", "popularity");
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
    void scoresNewCustomersOnlyInTheAllCustomersProtocolAndSkipsRatingMfOnPurchases(@TempDir Path dir)
            throws Exception {
        Path data = dir.resolve("retail.csv");
        StringBuilder csv = new StringBuilder(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        // July: three French customers buy a beret and a scarf; in August a new French customer buys the beret
        // and a known one the scarf
        for (int c = 0; c < 3; c++) {
            csv.append("5000%d,10001,RED BERET,1,2011-07-0%d 10:00:00,2.5,1200%d,France\n".formatted(c, c + 1, c));
            csv.append("5000%d,10002,WOOL SCARF,1,2011-07-0%d 10:00:00,3.5,1200%d,France\n".formatted(c, c + 1, c));
        }
        csv.append("50010,10001,RED BERET,1,2011-07-20 10:00:00,2.5,12100,France\n");
        csv.append("50011,10003,POSTAGE FREE GIFT,1,2011-07-21 10:00:00,0.0,12100,France\n");
        csv.append("50020,10001,RED BERET,1,2011-08-02 10:00:00,2.5,13000,France\n");
        csv.append("50021,10002,WOOL SCARF,1,2011-08-03 10:00:00,3.5,12100,France\n");
        Files.writeString(data, csv);

        String out = run("--data", data.toString(), "--split-date", "2011-08-01");

        String[] lines = out.strip().split("\n");
        JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(summary.at("/known_customers/test_users").asInt()).isEqualTo(1);
        assertThat(summary.at("/all_customers/test_users").asInt()).isEqualTo(2);
        assertThat(summary.at("/all_customers/new_users").asInt()).isEqualTo(1);
        assertThat(summary.at("/all_customers/models/ensemble/hr_at_k").asDouble())
                .isEqualTo(1.0);
        assertThat(summary.at("/all_customers/models/ease/hr_at_k").asDouble()).isEqualTo(0.5);
        assertThat(summary.at("/known_customers/models").has("ratings_mf")).isFalse();
        assertThat(summary.at("/skipped").has("ratings_mf")).isTrue();
        // the free gift (UnitPrice 0) is no product: the catalog is the beret and the scarf
        assertThat(summary.get("catalog_items").asInt()).isEqualTo(2);
    }

    @Test
    void validationOnlyReportsEachSweptSettingAndNoTestFigures(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("retail.csv");
        StringBuilder csv = new StringBuilder(
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        // a teapot sells all spring; a star light first sells on 1 June and in July to the teapot buyers
        for (int c = 0; c < 6; c++) {
            csv.append("600%d,20001,TEAPOT,1,2011-0%d-10 10:00:00,2.5,1300%d,France\n".formatted(c, 3 + c % 3, c));
        }
        csv.append("6100,20002,STAR LIGHT,1,2011-06-01 10:00:00,4.0,13100,France\n");
        csv.append("6101,20001,TEAPOT,1,2011-06-15 10:00:00,2.5,13100,France\n");
        for (int c = 0; c < 6; c++) {
            csv.append("620%d,20002,STAR LIGHT,1,2011-07-1%d 10:00:00,4.0,1300%d,France\n".formatted(c, c, c));
        }
        csv.append("6300,20003,AUGUST ONLY,1,2011-08-02 10:00:00,1.0,13000,France\n");
        Files.writeString(data, csv);

        String out = run(
                "--data", data.toString(),
                "--split-date", "2011-08-01",
                "--validation-days", "25",
                "--validation-only", "true",
                "--sweep-new-arrival-days", "10,60",
                "--sweep-ease-lambda", "10");

        String[] lines = out.strip().split("\n");
        JsonNode summary = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertThat(summary.propertyNames())
                .contains(
                        "without",
                        "new_arrival_days_10.0_half_life_14.0",
                        "new_arrival_days_60.0_half_life_14.0",
                        "ease_lambda_10.0_history_half_life_30.0")
                .doesNotContain("known_customers", "all_customers");
        // the validation models end on 15 June: only the 60-day window reaches back to the star light's first sale
        assertThat(summary.at("/new_arrival_days_60.0_half_life_14.0/known_single_ndcg_at_k/newly_selling")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(summary.at("/new_arrival_days_10.0_half_life_14.0/known_single_ndcg_at_k/newly_selling")
                        .asDouble())
                .isZero();
    }

    @Test
    void carvesTheValidationWindowFromTheEndOfTheTrainingPeriod() {
        List<InteractionFile.Row> rows = new java.util.ArrayList<>();
        for (int day = 0; day < 100; day++) {
            rows.add(new InteractionFile.Row("u" + day, "i", day * 86_400L, 1.0));
        }

        var split = EvaluationMain.validationSplit(rows, 30);

        assertThat(split.get(1)).hasSize(31).allMatch(row -> row.timestamp() >= 69 * 86_400L);
        assertThat(split.get(0)).hasSize(69);
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

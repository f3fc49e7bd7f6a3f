package com.agentfactory.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    private static InteractionFile.Row row(String user, String item) {
        return new InteractionFile.Row(user, item, 0L, 1.0);
    }
}

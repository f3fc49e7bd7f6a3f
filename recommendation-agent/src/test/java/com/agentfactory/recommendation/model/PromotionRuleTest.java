package com.agentfactory.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromotionRuleTest {

    private final PromotionRule rule = new PromotionRule(0.02, 100);

    @Test
    void promotesWhenNothingIsInService() {
        assertThat(rule.decide(Map.of("ease_ndcg_at_10", 0.1), Map.of()).promoted())
                .isTrue();
    }

    @Test
    void promotesADropWithinTheTolerance() {
        var decision = rule.decide(
                Map.of("holdout_users", 500, "ease_ndcg_at_10", 0.285, "ease_hr_at_10", 0.5),
                Map.of("holdout_users", 400, "ease_ndcg_at_10", 0.30, "ease_hr_at_10", 0.5));

        assertThat(decision.promoted()).isTrue();
    }

    @Test
    void keepsOutAVersionWhoseMetricFellBeyondTheTolerance() {
        var decision = rule.decide(
                Map.of("holdout_users", 500, "ease_ndcg_at_10", 0.25, "ease_hr_at_10", 0.5),
                Map.of("holdout_users", 400, "ease_ndcg_at_10", 0.30, "ease_hr_at_10", 0.5));

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.reason()).contains("ease_ndcg_at_10 0.3 -> 0.25");
    }

    @Test
    void ignoresCountsAndMetricsTheServingVersionNeverHad() {
        var decision = rule.decide(
                Map.of("holdout_users", 300, "session_ndcg_at_10", 0.0),
                Map.of("holdout_users", 500, "item_cf_ndcg_at_10", 0.2));

        assertThat(decision.promoted()).isTrue();
    }

    @Test
    void aHoldoutTooSmallToCompareCannotKeepAVersionOut() {
        var decision = rule.decide(
                Map.of("holdout_users", 3, "ease_ndcg_at_10", 0.0), Map.of("holdout_users", 1, "ease_ndcg_at_10", 1.0));

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.reason()).contains("too small");
    }
}

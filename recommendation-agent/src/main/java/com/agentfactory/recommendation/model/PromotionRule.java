package com.agentfactory.recommendation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a newly trained set of models replaces the one in service, both scored on the same hold-out
 * ({@link PromotionGate}): only if none of the hold-out metrics they share (hit rate and nDCG at 10 per model)
 * is lower by more than {@code tolerance} (absolute), which absorbs the noise of a small hold-out. A hold-out
 * of fewer than {@code minHoldoutUsers} users on either side is no evidence either way (with 25 users one
 * miss moves the hit rate by 0.04), so the new version is promoted; so is any version when nothing is in
 * service. A metric the model in service never had cannot regress.
 */
record PromotionRule(double tolerance, int minHoldoutUsers) {

    static final String HOLDOUT_USERS = "holdout_users";

    record Decision(boolean promoted, String reason) {}

    Decision decide(Map<String, Object> candidate, Map<String, Object> inService) {
        if (inService.isEmpty()) {
            return new Decision(true, "no model in service");
        }
        int evidence = Math.min(users(candidate), users(inService));
        if (evidence < minHoldoutUsers) {
            return new Decision(
                    true, "hold-out of " + evidence + " users is below " + minHoldoutUsers + ": too small to compare");
        }
        List<String> regressions = new ArrayList<>();
        inService.forEach((metric, before) -> {
            if (isQualityMetric(metric)
                    && before instanceof Number old
                    && candidate.get(metric) instanceof Number now
                    && now.doubleValue() < old.doubleValue() - tolerance) {
                regressions.add(metric + " " + round(old.doubleValue()) + " -> " + round(now.doubleValue()));
            }
        });
        return regressions.isEmpty()
                ? new Decision(true, "no metric regressed beyond " + tolerance)
                : new Decision(false, "regressed beyond " + tolerance + ": " + String.join(", ", regressions));
    }

    private static int users(Map<String, Object> metrics) {
        return metrics.get(HOLDOUT_USERS) instanceof Number users ? users.intValue() : 0;
    }

    private static boolean isQualityMetric(String metric) {
        return metric.endsWith("_hr_at_10") || metric.endsWith("_ndcg_at_10");
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

package com.agentfactory.campaign.campaign;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns and campaign requests for tests (the requests also for other packages' tests). */
public final class CampaignMother {

    private CampaignMother() {}

    static Campaign planned() {
        return Campaign.plan(
                        "Spring sale",
                        "Sell the spring range",
                        "email",
                        null,
                        null,
                        "alice",
                        "planned",
                        Instant.parse("2026-02-01T08:00:00Z"))
                .campaign();
    }

    /** A create request as JSON fields, for the REST API and the plan-campaign task. */
    public static Map<String, Object> createRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Win back " + UUID.randomUUID().toString().substring(0, 8));
        request.put("goal", "Bring lapsed buyers back");
        request.put("channel", "email");
        request.put(
                "segment_rule",
                Map.of(
                        "and",
                        List.of(
                                Map.of("field", "order_count", "op", "gt", "value", 0),
                                Map.of("field", "country", "op", "eq", "value", "United Kingdom"))));
        request.put("budget", Map.of("amount", "750.00", "currency", "GBP"));
        return request;
    }

    public static Map<String, Object> transition(String target, String reason) {
        return Map.of("target_state", target, "reason", reason);
    }
}

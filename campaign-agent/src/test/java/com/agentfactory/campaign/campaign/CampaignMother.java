package com.agentfactory.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
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

    /** Plans a campaign through the API and takes it to launch, where its journeys may enrol and send. */
    public static UUID launched(Api api) {
        Response created = api.post("/api/v1/campaigns", createRequest());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID campaign = UUID.fromString(created.text("/id"));
        for (String state : List.of("create", "test", "launch")) {
            moveTo(api, campaign, state, "on to " + state);
        }
        return campaign;
    }

    public static void moveTo(Api api, UUID campaign, String state, String reason) {
        Response moved = api.post("/api/v1/campaigns/" + campaign + "/transitions", transition(state, reason));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
    }
}

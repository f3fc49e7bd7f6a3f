package com.agentfactory.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.Api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CampaignsIT extends CampaignIntegrationTest {

    @Test
    void plansACampaignWithItsAudienceBudgetAndNextStates() {
        Map<String, Object> request = CampaignMother.createRequest();

        Response created = api.post("/api/v1/campaigns", request);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/state")).isEqualTo("plan");
        assertThat(created.text("/channel")).isEqualTo("email");
        assertThat(created.text("/created_by")).isEqualTo("test-user");
        assertThat(created.body().at("/budget/amount").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(created.text("/budget/currency")).isEqualTo("GBP");
        assertThat(created.text("/segment_rule/and/1/value")).isEqualTo("United Kingdom");
        assertThat(created.body().at("/allowed_transitions").valueStream().map(node -> node.asString()))
                .containsExactly("create", "archive");
        Response fetched = api.get("/api/v1/campaigns/" + created.text("/id"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text("/name")).isEqualTo(request.get("name"));
    }

    @Test
    void walksTheWholeLifecycleAndAuditsEveryChange() {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");
        List<String> path = List.of(
                "create",
                "test",
                "launch",
                "optimise",
                "monitor",
                "paused",
                "launch",
                "monitor",
                "analyse",
                "report",
                "archive");

        for (String state : path) {
            Response moved = api.postAs(
                    "/api/v1/campaigns/" + id + "/transitions",
                    CampaignMother.transition(state, "on to " + state),
                    "marketing-lead");
            assertThat(moved.status()).as(state).isEqualTo(200);
            assertThat(moved.text("/state")).isEqualTo(state);
        }

        Response history = api.get("/api/v1/campaigns/" + id + "/history?limit=20");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().at("/pagination/total").asLong()).isEqualTo(path.size() + 1);
        List<String> recorded = new ArrayList<>();
        history.body()
                .path("items")
                .forEach(entry -> recorded.add((entry.path("from_state").isNull()
                                ? "none"
                                : entry.path("from_state").asString())
                        + ">" + entry.path("to_state").asString()));
        assertThat(recorded.getFirst()).isEqualTo("none>plan");
        assertThat(recorded.get(3)).isEqualTo("test>launch");
        assertThat(recorded.getLast()).isEqualTo("report>archive");
        assertThat(history.body().at("/items/3/actor").asString()).isEqualTo("marketing-lead");
        assertThat(history.body().at("/items/3/reason").asString()).isEqualTo("on to launch");
        assertThat(history.body().at("/items/3/occurred_at").asString()).isNotBlank();
        assertThat(history.body().at("/items/0/actor").asString()).isEqualTo("test-user");
    }

    @Test
    void refusesAForbiddenTransitionWith409NamingTheAllowedStates() {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");

        Response refused =
                api.post("/api/v1/campaigns/" + id + "/transitions", CampaignMother.transition("launch", "too soon"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.text("/detail")).contains("plan").contains("launch").contains("create, archive");
        assertThat(refused.body().at("/allowed_states").valueStream().map(node -> node.asString()))
                .containsExactly("create", "archive");
        assertThat(api.get("/api/v1/campaigns/" + id).text("/state")).isEqualTo("plan");
        assertThat(api.get("/api/v1/campaigns/" + id + "/history")
                        .body()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void letsExactlyOneOfManyConcurrentTransitionsThrough() throws Exception {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> api.post(
                            "/api/v1/campaigns/" + id + "/transitions", CampaignMother.transition("create", "race"))
                    .status());
        }

        List<Integer> statuses = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : executor.invokeAll(calls)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
        assertThat(api.get("/api/v1/campaigns/" + id + "/history")
                        .body()
                        .at("/pagination/total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void rejectsInvalidCampaignsNamingTheFields() {
        Map<String, Object> request = CampaignMother.createRequest();
        request.put("name", " ");
        request.put("channel", "fax");
        request.put("budget", Map.of("amount", "-1", "currency", "pounds"));

        Response rejected = api.post("/api/v1/campaigns", request);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorFields())
                .containsExactlyInAnyOrder("name", "channel", "budget.amount", "budget.currency");
    }

    @Test
    void rejectsASegmentRuleWith422NamingTheRulePath() {
        Map<String, Object> request = CampaignMother.createRequest();
        request.put(
                "segment_rule",
                Map.of(
                        "and",
                        List.of(
                                Map.of("field", "country", "op", "eq", "value", "GB"),
                                Map.of("field", "password", "op", "eq", "value", "x"))));

        Response rejected = api.post("/api/v1/campaigns", request);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.errorFields()).containsExactly("segment_rule.and[1].field");
    }

    @Test
    void rejectsASpendThresholdWithoutItsCurrencyWith400NamingIt() {
        Map<String, Object> request = CampaignMother.createRequest();
        request.put("segment_rule", Map.of("field", "total_spent", "op", "gt", "value", 500));

        Response rejected = api.post("/api/v1/campaigns", request);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorFields()).containsExactly("segment_rule.currency");
    }

    @Test
    void rejectsAnUnknownTargetStateAndAnswers404ForAnUnknownCampaign() {
        String id =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");

        Response unknownState =
                api.post("/api/v1/campaigns/" + id + "/transitions", CampaignMother.transition("launched", "go"));
        Response unknownCampaign = api.post(
                "/api/v1/campaigns/" + UUID.randomUUID() + "/transitions", CampaignMother.transition("create", "go"));

        assertThat(unknownState.status()).isEqualTo(400);
        assertThat(unknownState.errorFields()).containsExactly("target_state");
        assertThat(unknownCampaign.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void listsCampaignsPagedAndByState() {
        String created =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");
        String archived =
                api.post("/api/v1/campaigns", CampaignMother.createRequest()).text("/id");
        api.post("/api/v1/campaigns/" + archived + "/transitions", CampaignMother.transition("archive", "dropped"));

        Response page = api.get("/api/v1/campaigns?page=1&limit=1");
        Response archivedOnly = api.get("/api/v1/campaigns?state=archive&limit=100");
        Response badState = api.get("/api/v1/campaigns?state=sleeping");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items")).hasSize(1);
        assertThat(page.body().at("/pagination/total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.body().at("/pagination/limit").asInt()).isEqualTo(1);
        List<String> archivedIds = new ArrayList<>();
        archivedOnly
                .body()
                .path("items")
                .forEach(item -> archivedIds.add(item.path("id").asString()));
        assertThat(archivedIds).contains(archived).doesNotContain(created);
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.errorFields()).containsExactly("state");
    }
}

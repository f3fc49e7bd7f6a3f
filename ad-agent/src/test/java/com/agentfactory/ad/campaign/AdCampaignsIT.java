package com.agentfactory.ad.campaign;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static com.agentfactory.ad.support.AdCampaignMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdCampaignsIT extends AdIntegrationTest {

    @Test
    void createsADraftWithItsAdGroupAndCreative() {
        Api.Response created = api.post("/api/v1/ads/campaigns", campaign("Winter"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/status")).isEqualTo("DRAFT");
        assertThat(created.text("/daily_budget")).isEqualTo("100.0");
        assertThat(created.body()
                        .path("ad_groups")
                        .get(0)
                        .path("regions")
                        .get(0)
                        .asString())
                .isEqualTo("BE");
        assertThat(created.body()
                        .path("ad_groups")
                        .get(0)
                        .path("creatives")
                        .get(0)
                        .path("width")
                        .asInt())
                .isEqualTo(300);
        assertThat(api.get("/api/v1/ads/campaigns/" + created.text("/id")).text("/name"))
                .isEqualTo("Winter");
    }

    @Test
    void rejectsANegativeDailyBudgetWithTheFieldAtFault() {
        Api.Response refused = api.post("/api/v1/ads/campaigns", with(campaign("Bad"), "daily_budget", -5));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("daily_budget");
    }

    @Test
    void rejectsAnAdGroupOrCreativeSentAsNull() {
        Api.Response nullGroup =
                api.post("/api/v1/ads/campaigns", with(campaign("Bad"), "ad_groups", Arrays.asList((Object) null)));
        Map<String, Object> groupWithNullCreative = new HashMap<>();
        groupWithNullCreative.put("name", "Belgium");
        groupWithNullCreative.put("creatives", Arrays.asList((Object) null));
        Api.Response nullCreative =
                api.post("/api/v1/ads/campaigns", with(campaign("Bad"), "ad_groups", List.of(groupWithNullCreative)));

        assertThat(nullGroup.status()).isEqualTo(400);
        assertThat(nullGroup.body().toString()).contains("ad_groups");
        assertThat(nullCreative.status()).isEqualTo(400);
        assertThat(nullCreative.body().toString()).contains("creatives");
    }

    @Test
    void rejectsATotalBudgetBelowTheDailyBudget() {
        Api.Response refused = api.post("/api/v1/ads/campaigns", with(campaign("Bad"), "total_budget", 10));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("total_budget");
    }

    @Test
    void refusesAnEndAlreadyPastWhenTheCampaignWouldStartNow() {
        String yesterday = Instant.now().minus(Duration.ofDays(1)).toString();

        Api.Response refused = api.post("/api/v1/ads/campaigns", with(campaign("Over already"), "ends_at", yesterday));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("ends_at");
    }

    @Test
    void refusesFlightDatesInYearsNoCampaignRunsIn() {
        Api.Response farEnd =
                api.post("/api/v1/ads/campaigns", with(campaign("Forever"), "ends_at", "+300000-01-01T00:00:00Z"));
        Api.Response ancientStart =
                api.post("/api/v1/ads/campaigns", with(campaign("Ancient"), "starts_at", "-9000-01-01T00:00:00Z"));

        assertThat(farEnd.status()).isEqualTo(400);
        assertThat(farEnd.errorFields()).containsExactly("ends_at");
        assertThat(ancientStart.status()).isEqualTo(400);
        assertThat(ancientStart.errorFields()).containsExactly("starts_at");
    }

    @Test
    void answersNotFoundForAnUnknownCampaign() {
        Api.Response missing = api.get("/api/v1/ads/campaigns/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void refusesToResumeADraftAndAuditsPauseWithWhoAndWhy() {
        String id = createCampaign(campaign("Lifecycle"));

        Api.Response resumed = api.post("/api/v1/ads/campaigns/" + id + "/resume", Map.of("reason", "try"));
        assertThat(resumed.status()).isEqualTo(409);

        assertThat(api.post("/api/v1/ads/campaigns/" + id + "/activate", Map.of("reason", "launch"))
                        .text("/status"))
                .isEqualTo("ACTIVE");
        assertThat(api.post("/api/v1/ads/campaigns/" + id + "/pause", Map.of("reason", "CPA too high"))
                        .text("/status"))
                .isEqualTo("PAUSED");

        var history = api.get("/api/v1/ads/campaigns/" + id + "/history").body().path("items");
        assertThat(history).hasSize(3);
        assertThat(history.get(2).path("detail").asString()).isEqualTo("ACTIVE -> PAUSED");
        assertThat(history.get(2).path("actor").asString()).isEqualTo("test-user");
        assertThat(history.get(2).path("reason").asString()).isEqualTo("CPA too high");
    }

    @Test
    void changesTheBudgetWithAnAuditEntry() {
        String id = createCampaign(campaign("Budget"));

        Api.Response changed = api.put(
                "/api/v1/ads/campaigns/" + id + "/budget",
                Map.of("daily_budget", 150, "total_budget", 2000, "reason", "good CPA"));
        Api.Response negative = api.put(
                "/api/v1/ads/campaigns/" + id + "/budget",
                Map.of("daily_budget", -1, "total_budget", 2000, "reason", "oops"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("/daily_budget")).isEqualTo("150.0");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ads/campaigns/" + id + "/history")
                        .body()
                        .path("items")
                        .get(1)
                        .path("action")
                        .asString())
                .isEqualTo("BUDGET");
    }

    @Autowired
    AdCampaigns campaigns;

    @Test
    void aNewDailyBudgetTakesOverFromThePooledAllocationAtOnce() {
        String id = createCampaign(campaign("Rebudgeted"));
        campaigns.allocate(UUID.fromString(id), new BigDecimal("160.00"), "pooled with another", "allocator");
        assertThat(api.get("/api/v1/ads/campaigns/" + id).text("/allocated_daily_budget"))
                .isEqualTo("160.0");

        Api.Response changed = api.put(
                "/api/v1/ads/campaigns/" + id + "/budget",
                Map.of("daily_budget", 50, "total_budget", 2000, "reason", "spend less"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("allocated_daily_budget").isNull()).isTrue();
        assertThat(campaigns.view(UUID.fromString(id)).effectiveDailyBudget()).isEqualByComparingTo("50.00");
        assertThat(lastHistoryDetail(id)).contains("allocated daily budget 160.00 dropped");
    }

    @Test
    void aCampaignLeavingActiveLeavesItsAllocationBehind() {
        String id = activeCampaign(campaign("Paused with a share"));
        campaigns.allocate(UUID.fromString(id), new BigDecimal("160.00"), "pooled with another", "allocator");

        api.post("/api/v1/ads/campaigns/" + id + "/pause", Map.of("reason", "enough"));
        Api.Response resumed = api.post("/api/v1/ads/campaigns/" + id + "/resume", Map.of("reason", "again"));

        assertThat(resumed.status()).as(resumed.body().toString()).isEqualTo(200);
        assertThat(resumed.body().path("allocated_daily_budget").isNull()).isTrue();
        assertThat(campaigns.view(UUID.fromString(id)).effectiveDailyBudget()).isEqualByComparingTo("100.00");
    }

    @Test
    void answersTheNewestEntriesFirstWhenAskedSoABudgetJustSavedIsOnTheFirstPage() {
        String id = createCampaign(campaign("Pooled for long"));
        // a pooled campaign gets an allocation entry every round: the first page oldest first never reaches today
        for (int round = 1; round <= 3; round++) {
            campaigns.allocate(
                    UUID.fromString(id), new BigDecimal(100 + round), "round " + round, "history-test-allocator");
        }
        api.put(
                "/api/v1/ads/campaigns/" + id + "/budget",
                Map.of("daily_budget", 150, "total_budget", 2000, "reason", "saved just now"));

        Api.Response newest = api.get("/api/v1/ads/campaigns/" + id + "/history?sort=newest&limit=2");
        Api.Response oldest = api.get("/api/v1/ads/campaigns/" + id + "/history?limit=2");

        assertThat(newest.status()).as(newest.body().toString()).isEqualTo(200);
        assertThat(newest.body().path("items").valueStream().map(e -> e.path("reason")
                        .asString()))
                .containsExactly("saved just now", "round 3");
        assertThat(newest.body().path("pagination").path("total").asLong()).isEqualTo(5);
        assertThat(api.get("/api/v1/ads/campaigns/" + id + "/history?sort=newest&limit=2&page=3")
                        .body()
                        .path("items")
                        .valueStream()
                        .map(e -> e.path("action").asString()))
                .as("the last page newest first holds the oldest entry")
                .containsExactly("CREATED");
        assertThat(oldest.body().path("items").valueStream().map(e -> e.path("action")
                        .asString()))
                .as("oldest first stays the default")
                .containsExactly("CREATED", "ALLOCATION");
    }

    @Test
    void answersTheEntriesOfAWindowFromIncludedToLeftOut() {
        String id = createCampaign(campaign("Windowed"));
        for (int round = 1; round <= 3; round++) {
            campaigns.allocate(
                    UUID.fromString(id), new BigDecimal(100 + round), "round " + round, "history-test-allocator");
        }
        List<String> at = api.get("/api/v1/ads/campaigns/" + id + "/history")
                .body()
                .path("items")
                .valueStream()
                .map(e -> e.path("occurred_at").asString())
                .toList();
        assertThat(at).hasSize(4);

        Api.Response window =
                api.get("/api/v1/ads/campaigns/" + id + "/history?from=" + at.get(1) + "&to=" + at.get(3));
        Api.Response newestBefore =
                api.get("/api/v1/ads/campaigns/" + id + "/history?sort=newest&limit=1&to=" + at.get(3));

        assertThat(window.status()).as(window.body().toString()).isEqualTo(200);
        assertThat(window.body().path("items").valueStream().map(e -> e.path("reason")
                        .asString()))
                .containsExactly("round 1", "round 2");
        assertThat(newestBefore.body().path("items").get(0).path("reason").asString())
                .isEqualTo("round 2");
    }

    @Test
    void refusesAnUnknownSortAWindowEndingBeforeItStartsAndInstantsNoEntryCanHaveNamingEach() {
        String id = createCampaign(campaign("Badly asked"));
        String history = "/api/v1/ads/campaigns/" + id + "/history";

        Api.Response sort = api.get(history + "?sort=latest");
        Api.Response backwards = api.get(history + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Api.Response farTo = api.get(history + "?to=%2B300000-01-01T00:00:00Z");
        Api.Response notAnInstant = api.get(history + "?from=yesterday");

        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.errorFields()).containsExactly("sort");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("from");
        assertThat(farTo.status()).isEqualTo(400);
        assertThat(farTo.errorFields()).containsExactly("to");
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.errorFields()).containsExactly("from");
    }

    private String lastHistoryDetail(String id) {
        var items = api.get("/api/v1/ads/campaigns/" + id + "/history?limit=100")
                .body()
                .path("items");
        return items.get(items.size() - 1).path("detail").asString();
    }

    @Test
    void listsCampaignsByStatusInPages() {
        createCampaign(campaign("Listed"));

        Api.Response page = api.get("/api/v1/ads/campaigns?status=DRAFT&limit=1");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("items")).hasSize(1);
        assertThat(page.body().path("pagination").path("total").asLong()).isPositive();
    }

    @Test
    void refusesAPageBeyondTheLastNamingItInsteadOfOverflowingTheOffset() {
        String id = createCampaign(campaign("Paged far"));

        Api.Response list = api.get("/api/v1/ads/campaigns?page=30000000&limit=100");
        Api.Response history = api.get("/api/v1/ads/campaigns/" + id + "/history?page=30000000&limit=200");
        Api.Response last = api.get("/api/v1/ads/campaigns/" + id + "/history?page=100000&limit=200");

        assertThat(list.status()).isEqualTo(400);
        assertThat(list.errorFields()).containsExactly("page");
        assertThat(history.status()).isEqualTo(400);
        assertThat(history.errorFields()).containsExactly("page");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body().path("items")).isEmpty();
    }
}

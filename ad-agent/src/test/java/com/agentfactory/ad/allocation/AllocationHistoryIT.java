package com.agentfactory.ad.allocation;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static com.agentfactory.ad.support.AdCampaignMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.LockWaits;
import com.agentfactory.messaging.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AllocationHistoryIT extends AdIntegrationTest {

    private static final String HISTORY = "/api/v1/ads/allocations";
    private static final AtomicInteger NEXT_CURRENCY =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(26 * 26));

    @Autowired
    BudgetAllocations allocations;

    @Autowired
    DataSource dataSource;

    /**
     * A currency of this test's own: every active campaign of the shared database takes part in a round, and only
     * campaigns in the same currency share a budget, so these campaigns share theirs with nobody else's.
     */
    private final String currency = uniqueCurrency();

    private final List<String> created = new ArrayList<>();

    /** Ended, they take part in no later round and bid in no other test's auctions. */
    @AfterEach
    void endCampaigns() {
        created.forEach(id -> api.post("/api/v1/ads/campaigns/" + id + "/end", Map.of("reason", "test over")));
    }

    @Test
    void answersEachRoundWithItsChangesAndReasonsOldestFirst() {
        String better = activeCampaign("Better " + currency, 1_000, 120);
        String worse = activeCampaign("Worse " + currency, 1_000, 5);

        Instant before = Instant.now();
        allocations.allocate("history-test");
        allocations.allocate("history-test");
        Api.Response history = api.get(HISTORY + "?currency=" + currency + "&from=" + before);

        assertThat(history.status()).isEqualTo(200);
        JsonNode rounds = history.body().path("rounds");
        assertThat(rounds).hasSize(2);
        JsonNode first = rounds.get(0);
        JsonNode second = rounds.get(1);
        assertThat(Instant.parse(first.path("occurred_at").asString()))
                .isBeforeOrEqualTo(Instant.parse(second.path("occurred_at").asString()));
        assertThat(first.path("round_id").asString())
                .isNotEqualTo(second.path("round_id").asString());
        for (JsonNode round : rounds) {
            assertThat(round.path("actor").asString()).isEqualTo("history-test");
            assertThat(round.path("currency").asString()).isEqualTo(currency);
            assertThat(round.path("changes")).hasSize(2);
            assertThat(campaignIds(round)).containsExactlyInAnyOrder(better, worse);
            round.path("changes").forEach(change -> {
                assertThat(change.path("campaign_name").asString()).endsWith(currency);
                assertThat(change.path("reason").asString()).contains("Thompson draw");
                assertThat(change.path("allocated_daily_budget").asDouble()).isBetween(20.0, 180.0);
                assertThat(change.path("sampled_score").isNumber()).isTrue();
            });
        }
        // a campaign's first allocation follows its own daily budget; the next one follows the first
        first.path("changes").forEach(change -> assertThat(
                        change.path("previous_daily_budget").isNull())
                .isTrue());
        for (String campaign : List.of(better, worse)) {
            assertThat(change(second, campaign).path("previous_daily_budget").decimalValue())
                    .isEqualByComparingTo(change(first, campaign)
                            .path("allocated_daily_budget")
                            .decimalValue());
        }
    }

    @Test
    void aCampaignLeftAloneInItsCurrencySpendsItsOwnDailyBudgetAgain() {
        String staying = activeCampaign("Staying " + currency, 1_000, 120);
        String pausing = activeCampaign("Pausing " + currency, 1_000, 5);
        allocations.allocate("history-test");
        assertThat(shown(staying).path("allocated_daily_budget").isNull()).isFalse();

        api.post("/api/v1/ads/campaigns/" + pausing + "/pause", Map.of("reason", "its partner pauses"));
        Instant before = Instant.now();
        allocations.allocate("history-test");

        assertThat(shown(pausing).path("allocated_daily_budget").isNull()).isTrue();
        assertThat(shown(staying).path("allocated_daily_budget").isNull()).isTrue();
        JsonNode rounds = rounds("?currency=" + currency + "&from=" + before);
        assertThat(rounds).hasSize(1);
        assertThat(campaignIds(rounds.get(0))).containsExactly(staying);
        JsonNode reset = change(rounds.get(0), staying);
        assertThat(reset.path("allocated_daily_budget").decimalValue()).isEqualByComparingTo("100");
        assertThat(reset.path("reason").asString()).contains("only campaign serving in " + currency);
    }

    @Test
    void poolsOnlyTheCampaignsServingNow() {
        String first = activeCampaign("First " + currency, 1_000, 40);
        String second = activeCampaign("Second " + currency, 1_000, 60);
        String later = activeCampaign(with(
                with(campaign("Later " + currency), "currency", currency),
                "starts_at",
                Instant.now().plus(Duration.ofDays(7)).toString()));
        created.add(later);
        // a share it was given while it served in an earlier flight
        jdbc.update("UPDATE ad_campaigns SET allocated_daily_budget = 150 WHERE id = ?", UUID.fromString(later));
        Instant before = Instant.now();

        List<Allocation> round = allocations.allocate("history-test");

        assertThat(shown(later).path("allocated_daily_budget").isNull()).isTrue();
        JsonNode stored = rounds("?currency=" + currency + "&from=" + before).get(0);
        assertThat(campaignIds(stored)).containsExactlyInAnyOrder(first, second, later);
        assertThat(change(stored, later).path("reason").asString()).contains("not serving now");
        // other tests of this class leave campaigns serving in the same currency: only this test's pair is summed
        BigDecimal pooled = round.stream()
                .filter(a -> List.of(first, second).contains(a.campaignId().toString()))
                .map(Allocation::allocatedDailyBudget)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(pooled).isBetween(new BigDecimal("199.90"), new BigDecimal("200.00"));
    }

    @Test
    void aCampaignPausedWhileTheRoundWaitsForItIsGivenNoShareAndNoneOfItsBudgetIsShared() throws Exception {
        String staying = activeCampaign("Staying " + currency, 1_000, 120);
        String pausing = activeCampaign("Pausing " + currency, 1_000, 5);
        List<Allocation> round;
        try (Connection pause = dataSource.getConnection();
                var roundRunner = Executors.newVirtualThreadPerTaskExecutor()) {
            // a pause under way holds the campaign's row until it commits
            pause.setAutoCommit(false);
            try (var locking = pause.prepareStatement("SELECT id FROM ad_campaigns WHERE id = ? FOR UPDATE")) {
                locking.setObject(1, UUID.fromString(pausing));
                locking.executeQuery().close();
            }
            int pausePid = LockWaits.backendPid(pause);
            Future<List<Allocation>> running = roundRunner.submit(() -> allocations.allocate("history-test"));
            LockWaits.awaitSessionBlockedBy(jdbc, pausePid);
            try (var paused = pause.prepareStatement(
                    "UPDATE ad_campaigns SET status = 'PAUSED', version = version + 1, updated_at = now()"
                            + " WHERE id = ?")) {
                paused.setObject(1, UUID.fromString(pausing));
                paused.executeUpdate();
            }
            pause.commit();
            round = running.get(20, TimeUnit.SECONDS);
        }

        assertThat(round)
                .extracting(Allocation::campaignId)
                .doesNotContain(UUID.fromString(pausing), UUID.fromString(staying));
        assertThat(shown(pausing).path("allocated_daily_budget").isNull()).isTrue();
        assertThat(shown(staying).path("allocated_daily_budget").isNull())
                .as("alone in its currency, it spends its own daily budget, not a share of the paused one's")
                .isTrue();
    }

    private JsonNode shown(String id) {
        return api.get("/api/v1/ads/campaigns/" + id).body();
    }

    @Test
    void answersOnlyTheRoundsInTheWindow() {
        activeCampaign("Early " + currency, 500, 20);
        activeCampaign("Late " + currency, 500, 30);
        Instant before = Instant.now();
        allocations.allocate("history-test");
        Instant between = Instant.now();
        allocations.allocate("history-test");
        Instant after = Instant.now();

        assertThat(rounds("?currency=" + currency + "&from=" + before + "&to=" + after))
                .hasSize(2);
        JsonNode early = rounds("?currency=" + currency + "&from=" + before + "&to=" + between);
        JsonNode late = rounds("?currency=" + currency + "&from=" + between);
        assertThat(early).hasSize(1);
        assertThat(late).hasSize(1);
        assertThat(early.get(0).path("round_id").asString())
                .isNotEqualTo(late.get(0).path("round_id").asString());
        assertThat(rounds("?currency=" + currency + "&to=" + before)).isEmpty();
    }

    @Test
    void answersTheWindowItUsedDefaultingToTheLastThirtyDays() {
        Api.Response history = api.get(HISTORY);

        assertThat(history.status()).isEqualTo(200);
        Instant from = Instant.parse(history.text("/from"));
        Instant to = Instant.parse(history.text("/to"));
        assertThat(to).isBeforeOrEqualTo(Instant.now());
        assertThat(Duration.between(from, to)).hasDays(30);
    }

    @Test
    void keepsTheNewestFiveHundredRoundsOfALongWindow() {
        String campaign = createCampaign(with(campaign("Busy " + currency), "currency", currency));
        Instant start = Instant.parse("2001-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3650)));
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at)"
                        + " SELECT gen_random_uuid(), gen_random_uuid(), ?, 100, 100, 0.5, 'replayed', 'history-test',"
                        + " CAST(? AS TIMESTAMPTZ) + make_interval(mins => i) FROM generate_series(0, 500) AS i",
                UUID.fromString(campaign),
                Timestamp.from(start));

        JsonNode rounds = rounds("?currency=" + currency + "&from=" + start + "&to=" + start.plus(Duration.ofDays(1)));

        assertThat(rounds).hasSize(500);
        assertThat(Instant.parse(rounds.get(0).path("occurred_at").asString()))
                .as("the oldest round is left out")
                .isEqualTo(start.plus(Duration.ofMinutes(1)));
        assertThat(Instant.parse(rounds.get(499).path("occurred_at").asString()))
                .isEqualTo(start.plus(Duration.ofMinutes(500)));
        assertThat(api.get(HISTORY + "?currency=" + currency + "&from=" + start + "&to="
                                + start.plus(Duration.ofDays(1)))
                        .body()
                        .path("rounds_truncated")
                        .asBoolean())
                .isTrue();
        assertThat(api.get(HISTORY + "?currency=" + currency + "&from=" + start.plus(Duration.ofMinutes(1)) + "&to="
                                + start.plus(Duration.ofDays(1)))
                        .body()
                        .path("rounds_truncated")
                        .asBoolean())
                .as("exactly 500 rounds in the window: none left out")
                .isFalse();
    }

    @Test
    void drawsEachCampaignsBudgetOverTheWholeWindowInStepsBeyondTheRoundsAnswered() {
        String busy = createCampaign(with(campaign("Busy " + currency), "currency", currency));
        String quiet = createCampaign(with(campaign("Quiet " + currency), "currency", currency));
        // three days of a round every five minutes, 864 rounds, each giving the busy campaign one more than the last
        Instant start = Instant.parse("2001-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3650)));
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at)"
                        + " SELECT gen_random_uuid(), gen_random_uuid(), ?, 99 + i, 100 + i, 0.5, 'replayed',"
                        + " 'history-test', CAST(? AS TIMESTAMPTZ) + make_interval(mins => 5 * i)"
                        + " FROM generate_series(0, 863) AS i",
                UUID.fromString(busy),
                Timestamp.from(start));
        // and the quiet one changed once, on the second day, from nothing to 80
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at)"
                        + " VALUES (gen_random_uuid(), gen_random_uuid(), ?, NULL, 80, 0.5, 'replayed', 'history-test',"
                        + " ?)",
                UUID.fromString(quiet),
                Timestamp.from(start.plus(Duration.ofHours(30)).plusSeconds(1)));

        Api.Response history =
                api.get(HISTORY + "?currency=" + currency + "&from=" + start + "&to=" + start.plus(Duration.ofDays(3)));

        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        assertThat(history.body().path("rounds")).hasSize(500);
        assertThat(history.body().path("rounds_truncated").asBoolean()).isTrue();
        JsonNode series = history.body().path("series");
        assertThat(series.path("step").asString()).isEqualTo("PT15M");
        assertThat(series.path("campaigns").valueStream().map(c -> c.path("campaign_id")
                        .asString()))
                .containsExactly(busy, quiet);
        JsonNode busySeries = series.path("campaigns").get(0);
        assertThat(busySeries.path("currency").asString()).isEqualTo(currency);
        assertThat(busySeries.path("previous_daily_budget").decimalValue()).isEqualByComparingTo("99");
        JsonNode points = busySeries.path("points");
        assertThat(points).as("three days in steps of 15 minutes").hasSize(288);
        // each step's budget is its last round's: the third of its three
        assertThat(Instant.parse(points.get(0).path("at").asString())).isEqualTo(start.plus(Duration.ofMinutes(15)));
        assertThat(points.get(0).path("allocated_daily_budget").decimalValue()).isEqualByComparingTo("102");
        assertThat(Instant.parse(points.get(287).path("at").asString())).isEqualTo(start.plus(Duration.ofDays(3)));
        assertThat(points.get(287).path("allocated_daily_budget").decimalValue())
                .isEqualByComparingTo("963");
        JsonNode quietSeries = series.path("campaigns").get(1);
        assertThat(quietSeries.path("previous_daily_budget").isNull()).isTrue();
        assertThat(quietSeries.path("points")).hasSize(1);
        assertThat(Instant.parse(quietSeries.path("points").get(0).path("at").asString()))
                .isEqualTo(start.plus(Duration.ofHours(30)).plus(Duration.ofMinutes(15)));
    }

    @Test
    void drawsAWindowOfThreeMonthsInStepsOfSixHours() {
        String campaign = createCampaign(with(campaign("Long " + currency), "currency", currency));
        Instant start = Instant.parse("2001-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(3650)));
        jdbc.update(
                "INSERT INTO ad_allocation_changes (id, round_id, campaign_id, previous_budget, allocated_budget,"
                        + " sampled_score, reason, actor, occurred_at)"
                        + " SELECT gen_random_uuid(), gen_random_uuid(), ?, 100, 100 + i, 0.5, 'replayed',"
                        + " 'history-test', CAST(? AS TIMESTAMPTZ) + make_interval(days => i)"
                        + " FROM generate_series(0, 89) AS i",
                UUID.fromString(campaign),
                Timestamp.from(start));

        JsonNode series = api.get(
                        HISTORY + "?currency=" + currency + "&from=" + start + "&to=" + start.plus(Duration.ofDays(90)))
                .body()
                .path("series");

        assertThat(series.path("step").asString()).isEqualTo("PT6H");
        JsonNode points = series.path("campaigns").get(0).path("points");
        assertThat(points).as("one change a day, the whole 90 days").hasSize(90);
        assertThat(Instant.parse(points.get(89).path("at").asString()))
                .isEqualTo(start.plus(Duration.ofDays(89)).plus(Duration.ofHours(6)));
        assertThat(points.get(89).path("allocated_daily_budget").decimalValue()).isEqualByComparingTo("189");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStartsNamingFrom() {
        Api.Response refused = api.get(HISTORY + "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("from");
    }

    @Test
    void refusesAWindowLongerThanFourHundredDaysNamingFrom() {
        Instant to = Instant.parse("2026-01-01T00:00:00Z");

        Api.Response longest = api.get(HISTORY + "?from=" + to.minus(Duration.ofDays(400)) + "&to=" + to);
        Api.Response tooLong =
                api.get(HISTORY + "?from=" + to.minus(Duration.ofDays(400)).minusSeconds(1) + "&to=" + to);
        Api.Response sinceTheEpoch = api.get(HISTORY + "?from=1970-01-01T00:00:00Z");

        assertThat(longest.status()).as(longest.body().toString()).isEqualTo(200);
        assertThat(longest.body().path("series").path("step").asString()).isEqualTo("PT24H");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("from");
        assertThat(sinceTheEpoch.status()).isEqualTo(400);
        assertThat(sinceTheEpoch.errorFields()).containsExactly("from");
    }

    @Test
    void refusesInstantsNoRoundCanHaveNamingTheOneAtFault() {
        // "+" is a space in a query string: the year 300000 is written with %2B
        Api.Response farTo = api.get(HISTORY + "?to=%2B300000-01-01T00:00:00Z");
        Api.Response ancientFrom = api.get(HISTORY + "?from=-9000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Api.Response firstInstantTo = api.get(HISTORY + "?to=-1000000000-01-01T00:00:00Z");

        assertThat(farTo.status()).isEqualTo(400);
        assertThat(farTo.errorFields()).containsExactly("to");
        assertThat(ancientFrom.status()).isEqualTo(400);
        assertThat(ancientFrom.errorFields()).containsExactly("from");
        assertThat(firstInstantTo.status()).isEqualTo(400);
        assertThat(firstInstantTo.errorFields()).containsExactly("to");
    }

    @Test
    void refusesACurrencyThatIsNoIsoCode() {
        Api.Response refused = api.get(HISTORY + "?currency=euro");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("currency");
    }

    @Test
    void refusesACustomer() {
        Api.Response refused =
                api.withToken(TestTokens.customer(UUID.randomUUID())).get(HISTORY);

        assertThat(refused.status()).isEqualTo(403);
    }

    /** An active campaign in this test's currency that delivered {@code clicks} and {@code conversions}. */
    private String activeCampaign(String name, long clicks, long conversions) {
        String id = activeCampaign(with(campaign(name), "currency", currency));
        created.add(id);
        jdbc.update(
                "INSERT INTO ad_campaign_delivery (campaign_id, impressions, clicks, conversions, spend, updated_at)"
                        + " VALUES (?, ?, ?, ?, 200, now()) ON CONFLICT (campaign_id) DO UPDATE SET"
                        + " impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks,"
                        + " conversions = EXCLUDED.conversions, spend = EXCLUDED.spend",
                UUID.fromString(id),
                clicks * 50,
                clicks,
                conversions);
        return id;
    }

    private JsonNode rounds(String query) {
        Api.Response history = api.get(HISTORY + query);
        assertThat(history.status()).as(history.body().toString()).isEqualTo(200);
        return history.body().path("rounds");
    }

    private static List<String> campaignIds(JsonNode round) {
        return round.path("changes")
                .valueStream()
                .map(change -> change.path("campaign_id").asString())
                .toList();
    }

    private static JsonNode change(JsonNode round, String campaignId) {
        return round.path("changes")
                .valueStream()
                .filter(change -> change.path("campaign_id").asString().equals(campaignId))
                .findFirst()
                .orElseThrow();
    }

    /** Distinct for each test of a run, and unlikely to be one an earlier run left in a database kept since. */
    private static String uniqueCurrency() {
        int code = NEXT_CURRENCY.getAndIncrement() % (26 * 26);
        return "X" + (char) ('A' + code / 26) + (char) ('A' + code % 26);
    }
}

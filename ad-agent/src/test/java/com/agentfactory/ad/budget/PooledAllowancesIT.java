package com.agentfactory.ad.budget;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static com.agentfactory.ad.support.AdCampaignMother.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.allocation.Allocation;
import com.agentfactory.ad.allocation.BudgetAllocations;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns pooled in one currency are reallocated many times a day while the keeper funds each up to its share of
 * the moment and they spend it: together they may hold and spend no more of the day than their daily budgets add up
 * to, however the shares swing between rounds.
 */
class PooledAllowancesIT extends AdIntegrationTest {

    /** Each tranche the whole share that is left, so a campaign is funded up to its share at once. */
    private static final BudgetProperties WHOLE_SHARES = new BudgetProperties(
            BigDecimal.ONE, new BigDecimal("0.5"), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1));

    @Autowired
    BudgetAllocations allocations;

    @Autowired
    AdCampaigns campaigns;

    @Autowired
    SpendAllowances allowances;

    @Autowired
    TransactionTemplate tx;

    /** A currency of this test's own, so that only its two campaigns share a pool. */
    private final String currency =
            "Y" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                    + (char) ('A' + ThreadLocalRandom.current().nextInt(26));

    private List<UUID> pooled = List.of();

    private AllowanceKeeper keeper;

    @BeforeEach
    void newKeeper() {
        keeper = new AllowanceKeeper(
                jdbc,
                tx,
                new ReservationRows(jdbc, clock),
                allowances,
                new GrantingFinance(),
                campaigns,
                WHOLE_SHARES,
                clock);
    }

    @AfterEach
    void leaveNothingServingOrToSettle() {
        for (UUID id : pooled) {
            jdbc.update("UPDATE ad_campaigns SET status = 'ENDED' WHERE id = ?", id);
            jdbc.update("DELETE FROM ad_budget_reservations WHERE campaign_id = ?", id);
            jdbc.update("DELETE FROM ad_spend_allowances WHERE campaign_id = ?", id);
        }
    }

    @Test
    void aPoolReallocatedAfterItsCampaignsSpentTheirSharesNeverHoldsOrSpendsMoreThanItsDailyTotal() {
        // two campaigns of 100 a day with no clicks yet: the draws are near uniform, and each share swings widely
        pooled = List.of(servingNow("Pooled first " + currency), servingNow("Pooled second " + currency));
        BigDecimal dailyTotal = new BigDecimal("200.00");

        for (int round = 1; round <= 30; round++) {
            List<Allocation> shares = allocations.allocate("pool-test");
            assertThat(shares).extracting(Allocation::campaignId).containsAll(pooled);
            for (UUID id : pooled) {
                keeper.fund(campaigns.view(id));
            }
            // every campaign spends all it was given before the next round
            for (UUID id : pooled) {
                jdbc.update(
                        "UPDATE ad_spend_allowances SET spent = reserved WHERE campaign_id = ? AND day = ?",
                        id,
                        today());
            }

            assertThat(todays("reserved")).as("reserved after round %d", round).isLessThanOrEqualTo(dailyTotal);
            assertThat(todays("spent")).as("spent after round %d", round).isLessThanOrEqualTo(dailyTotal);
        }
        assertThat(todays("spent"))
                .as("the pool still spends its day's budget")
                .isGreaterThan(new BigDecimal("199.00"));
    }

    @Test
    void aCampaignLeftAloneAfterItsPartnerSpentBeyondItsOwnBudgetAndEndedSpendsOnlyWhatIsLeftOfThePoolsDay() {
        // the draws gave the leaving campaign most of the pool, and it spent all of it by noon
        List<UUID> pool = pooledAfterARound(spending("Leaving", "180.00"), spending("Staying", "20.00"));
        UUID leaving = pool.get(0);
        UUID staying = pool.get(1);
        jdbc.update(
                "UPDATE ad_campaigns SET starts_at = ?, ends_at = ? WHERE id = ?",
                Timestamp.from(clock.instant().minus(Duration.ofDays(1))),
                Timestamp.from(clock.instant()),
                leaving);

        for (int round = 1; round <= 3; round++) {
            List<Allocation> shares = allocations.allocate("pool-test");
            spendAllOf();

            assertThat(todays("spent")).as("spent after round %d", round).isLessThanOrEqualTo(new BigDecimal("200.00"));
            if (round == 1) {
                assertThat(shares)
                        .filteredOn(a -> a.campaignId().equals(staying))
                        .singleElement()
                        .satisfies(a -> {
                            assertThat(a.allocatedDailyBudget()).isEqualByComparingTo("20.00");
                            assertThat(a.reason())
                                    .contains("less the 80.00 that campaigns which left its pool today used beyond the"
                                            + " sum of their own daily budgets");
                        });
            }
        }
        assertThat(campaigns.view(staying).effectiveDailyBudget()).isEqualByComparingTo("20.00");
    }

    @Test
    void aCampaignPausedAndGivenALargerBudgetStillCountsWhatItUsedBeyondTheBudgetItWasPooledWith() {
        List<UUID> pool = pooledAfterARound(spending("Paused and raised", "180.00"), spending("Staying", "20.00"));
        UUID leaving = pool.get(0);
        UUID staying = pool.get(1);
        // a paused campaign's budget may still change: raised above what it used, it would seem to have used nothing
        // of the others' budgets
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id = ?", leaving))
                .isOne();
        assertThat(setBudget(leaving, 200.00).status()).isEqualTo(200);

        for (int round = 1; round <= 3; round++) {
            allocations.allocate("pool-test");
            spendAllOf();

            assertThat(todays("spent")).as("spent after round %d", round).isLessThanOrEqualTo(new BigDecimal("200.00"));
        }
        assertThat(campaigns.view(staying).effectiveDailyBudget()).isEqualByComparingTo("20.00");
    }

    @Test
    void aCampaignPausedBeforeTheDaysFirstRoundStillCountsWhatItUsedBeyondItsOwnBudgetUnderYesterdaysShare() {
        // yesterday's last draws hold from midnight until today's first round, and the leaving campaign spent its
        // share in the minutes between
        List<UUID> pool = pooledAfterARound(spending("Paused after midnight", "180.00"), spending("Staying", "20.00"));
        UUID leaving = pool.get(0);
        UUID staying = pool.get(1);
        thatRoundWasYesterdaysLast();
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id = ?", leaving))
                .isOne();

        for (int round = 1; round <= 3; round++) {
            allocations.allocate("pool-test");
            spendAllOf();

            assertThat(todays("spent")).as("spent after round %d", round).isLessThanOrEqualTo(new BigDecimal("200.00"));
        }
        assertThat(campaigns.view(staying).effectiveDailyBudget()).isEqualByComparingTo("20.00");
    }

    @Test
    void aCampaignLeftAloneGetsBackWhatPartnersThatLeftWithoutUsingTheirOwnBudgetsLent() {
        // the lending campaign's 80 unused is what the overspending one used beyond its own budget: the day of the
        // three is 300, 200 of it spent, and the one left may spend its own 100
        List<UUID> pool = pooledAfterARound(
                spending("Overspending", "180.00"), spending("Lending", "20.00"), idle("Staying", "100.00"));
        UUID staying = pool.get(2);
        jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id IN (?, ?)", pool.get(0), pool.get(1));

        List<Allocation> shares = allocations.allocate("pool-test");
        spendAllOf();

        assertThat(shares)
                .filteredOn(a -> a.campaignId().equals(staying))
                .singleElement()
                .satisfies(a -> assertThat(a.allocatedDailyBudget()).isEqualByComparingTo("100.00"));
        assertThat(campaigns.view(staying).effectiveDailyBudget()).isEqualByComparingTo("100.00");
        assertThat(todays("spent")).isEqualByComparingTo("300.00");
    }

    @Test
    void aCampaignPooledYesterdayAndGivenItsOwnBudgetBackThisMorningWhileServingTakesNothingFromThoseServingAfterIt() {
        List<UUID> pool =
                pooledAfterARound(idle("Alone today", "100.00"), spending("Paused before midnight", "100.00"));
        UUID alone = pool.get(0);
        thatRoundWasYesterdaysLast();
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id = ?", pool.get(1)))
                .isOne();
        List<Allocation> reset = allocations.allocate("pool-test");
        assertThat(reset)
                .filteredOn(a -> a.campaignId().equals(alone))
                .singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("no pool to share"));
        // serving alone all day, it spends a budget raised for today and is paused with a lower one
        assertThat(setBudget(alone, 200.00).status()).isEqualTo(200);
        spendAllOf();
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id = ?", alone))
                .isOne();
        assertThat(setBudget(alone, 150.00).status()).isEqualTo(200);
        UUID later = servingNow("Serving later " + currency);
        pooled = List.of(alone, pool.get(1), later);

        allocations.allocate("pool-test");
        spendAllOf();

        assertThat(campaigns.view(later).effectiveDailyBudget()).isEqualByComparingTo("100.00");
        assertThat(todays("spent")).isEqualByComparingTo("400.00");
    }

    @Test
    void aCampaignOnlyResetThisMorningFromYesterdaysPoolTakesNothingFromCampaignsThatServeAfterIt() {
        UUID alone = servingNow("Alone today " + currency);
        pooled = List.of(alone);
        campaigns.allocate(alone, new BigDecimal("180.00"), "yesterday's draw", "pool-test");
        List<Allocation> reset = allocations.allocate("pool-test");
        // other tests' campaigns in other currencies are allocated in the same round
        assertThat(reset)
                .extracting(Allocation::campaignId)
                .filteredOn(pooled::contains)
                .containsExactly(alone);
        // serving alone all day, it spends a budget raised for today and is paused with a lower one
        assertThat(setBudget(alone, 200.00).status()).isEqualTo(200);
        spendAllOf();
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'PAUSED' WHERE id = ?", alone))
                .isOne();
        assertThat(setBudget(alone, 150.00).status()).isEqualTo(200);
        UUID later = servingNow("Serving later " + currency);
        pooled = List.of(alone, later);

        List<Allocation> shares = allocations.allocate("pool-test");
        spendAllOf();

        assertThat(shares).extracting(Allocation::campaignId).doesNotContain(later);
        assertThat(campaigns.view(later).effectiveDailyBudget()).isEqualByComparingTo("100.00");
        assertThat(todays("spent")).isEqualByComparingTo("300.00");
    }

    private Api.Response setBudget(UUID campaign, double dailyBudget) {
        return api.put(
                "/api/v1/ads/campaigns/" + campaign + "/budget",
                Map.of("daily_budget", dailyBudget, "total_budget", 1000.00, "reason", "a new plan"));
    }

    /**
     * Campaigns of 100 a day serving in the test's currency, pooled by a round whose draws gave them these shares of
     * the pool's day; those that spend have spent all of their share since.
     */
    private List<UUID> pooledAfterARound(Member... members) {
        pooled = Arrays.stream(members)
                .map(m -> servingNow(m.name() + " " + currency))
                .toList();
        allocations.allocate("pool-test");
        for (int i = 0; i < members.length; i++) {
            campaigns.allocate(pooled.get(i), new BigDecimal(members[i].share()), "a draw", "pool-test");
        }
        spendAllOf(IntStream.range(0, members.length)
                .filter(i -> members[i].spends())
                .mapToObj(pooled::get)
                .toArray(UUID[]::new));
        return pooled;
    }

    /** A campaign of the test's pool: the share of the pool's day a round's draw gave it, and whether it spends it. */
    private record Member(String name, String share, boolean spends) {}

    private static Member spending(String name, String share) {
        return new Member(name, share, true);
    }

    private static Member idle(String name, String share) {
        return new Member(name, share, false);
    }

    /**
     * The pooled campaigns' allocation changes so far were made by the last round before today began: later than any
     * other made before today, since another test may have moved its own there.
     */
    private void thatRoundWasYesterdaysLast() {
        Instant todayStart = today().atStartOfDay(ZoneOffset.UTC).toInstant();
        Timestamp last = jdbc.queryForObject(
                "SELECT GREATEST(MAX(occurred_at) + interval '1 millisecond', ?) FROM ad_allocation_changes"
                        + " WHERE occurred_at < ?",
                Timestamp.class,
                Timestamp.from(todayStart.minus(Duration.ofMinutes(5))),
                Timestamp.from(todayStart));
        assertThat(last.toInstant()).isBefore(todayStart);
        for (UUID id : pooled) {
            assertThat(jdbc.update("UPDATE ad_allocation_changes SET occurred_at = ? WHERE campaign_id = ?", last, id))
                    .isOne();
        }
    }

    /** The keeper funds each campaign up to what it may spend today, and each spends all of it. */
    private void spendAllOf() {
        spendAllOf(pooled.toArray(UUID[]::new));
    }

    private void spendAllOf(UUID... spending) {
        for (UUID id : spending) {
            keeper.fund(campaigns.view(id));
            jdbc.update(
                    "UPDATE ad_spend_allowances SET spent = reserved WHERE campaign_id = ? AND day = ?", id, today());
        }
    }

    /** Active in the table: an activation through the API would start the application's keeper on it. */
    private UUID servingNow(String name) {
        String id = createCampaign(with(campaign(name), "currency", currency));
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'ACTIVE' WHERE id = ?::uuid AND status = 'DRAFT'", id))
                .isOne();
        return UUID.fromString(id);
    }

    private BigDecimal todays(String column) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(a." + column + "), 0) FROM ad_spend_allowances a"
                        + " JOIN ad_campaigns c ON c.id = a.campaign_id WHERE a.day = ? AND c.currency = ?",
                BigDecimal.class,
                today(),
                currency);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Grants every tranche, as finance does while the budget has room. */
    private static final class GrantingFinance implements FinanceReservations {

        @Override
        public ReserveOutcome reserve(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            return new ReserveOutcome.Reserved(UUID.randomUUID());
        }

        @Override
        public ExpenseOutcome recordExpense(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            throw new AssertionError("nothing is spent beyond an allowance here");
        }

        @Override
        public void commit(UUID financeReservationId) {
            throw new AssertionError("no day is settled here");
        }

        @Override
        public void release(UUID financeReservationId) {
            throw new AssertionError("no day is settled here");
        }
    }
}

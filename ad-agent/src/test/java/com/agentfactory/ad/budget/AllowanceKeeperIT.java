package com.agentfactory.ad.budget;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static com.agentfactory.ad.support.AdCampaignMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import com.agentfactory.messaging.testing.Api;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the agent keep the same allowances: two keepers, each with the in-process lock of its own, fund
 * one campaign at the same moment. Both look for a pending tranche before either records one, unless the database
 * holds one of them back. Settling a day reports to finance what was won beyond the allowance too, in the month of
 * the day it was won on, as spend finance records even when the budget has no room left, once, however often
 * finance had to be asked; what finance refuses to record is shown to operators as owed until it is recorded. A
 * commit finance refuses for good is set aside for a person without keeping a pass from funding the campaigns.
 */
class AllowanceKeeperIT extends AdIntegrationTest {

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SpendAllowances allowances;

    @Autowired
    AdCampaigns campaigns;

    @Autowired
    UnrecordedOverspend overspendMetrics;

    @LocalServerPort
    int serverPort;

    /** A day in the flight of {@link #servingLater} campaigns. */
    private static final Clock IN_FLIGHT = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);

    private final RecordingFinance finance = new RecordingFinance();
    private UUID campaignId;

    @AfterEach
    void leaveNothingToSettle() {
        // the shared application's keeper would otherwise try to give these tranches back to a finance not running
        jdbc.update("DELETE FROM ad_budget_reservations WHERE campaign_id = ?", campaignId);
        jdbc.update("DELETE FROM ad_spend_allowances WHERE campaign_id = ?", campaignId);
        // a whole pass in flight funds every campaign serving then, the other tests' too
        LocalDate inFlight = LocalDate.ofInstant(IN_FLIGHT.instant(), ZoneOffset.UTC);
        jdbc.update("DELETE FROM ad_budget_reservations WHERE day >= ?", inFlight.minusDays(1));
        jdbc.update("DELETE FROM ad_spend_allowances WHERE day >= ?", inFlight.minusDays(1));
    }

    @Test
    void twoInstancesFundingOneCampaignAtOnceReserveNoMoreThanItsDailyBudget() throws Exception {
        campaignId = UUID.fromString(servingLater("Funded twice at once"));
        AdCampaignView view = campaigns.view(campaignId);
        var rows = new MeetingRows(IN_FLIGHT);
        // each keeper reserves the whole daily budget in one tranche: a second tranche is always too much
        var properties = new BudgetProperties(
                BigDecimal.ONE, new BigDecimal("0.5"), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1));
        AllowanceKeeper first = keeperInFlight(rows, properties);
        AllowanceKeeper second = keeperInFlight(rows, properties);

        try (var pods = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> a = pods.submit(() -> first.fund(view));
            Future<?> b = pods.submit(() -> second.fund(view));
            a.get();
            b.get();
        }

        assertThat(finance.reserved()).isEqualByComparingTo(view.dailyBudget());
        assertThat(jdbc.queryForObject(
                        "SELECT reserved FROM ad_spend_allowances WHERE campaign_id = ?", BigDecimal.class, campaignId))
                .isEqualByComparingTo(view.dailyBudget());
    }

    @Autowired
    RefusedFunding refusedFunding;

    @Test
    void aCampaignFinanceRefusesIsAskedAgainOnlyAfterABackoffThatGrowsAndIsCountedAsHeldBack() {
        campaignId = UUID.fromString(servingLater("Refused by finance"));
        AdCampaignView view = campaigns.view(campaignId);
        Instant start = IN_FLIGHT.instant();
        var now = new AtomicReference<>(start);
        Clock moving = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var finance = new RefusingFinance();
        AllowanceKeeper keeper = new AllowanceKeeper(
                jdbc,
                tx,
                new ReservationRows(jdbc, moving),
                new SpendAllowances(jdbc, moving),
                finance,
                campaigns,
                TENTHS,
                moving);
        refusedFunding.refresh();
        long heldBackBefore = refusedFunding.heldBack();

        keeper.fund(view);
        now.set(start.plusSeconds(59));
        keeper.fund(view);

        assertThat(finance.asked.get()).as("asked once within the first minute").isEqualTo(1);
        refusedFunding.refresh();
        assertThat(refusedFunding.heldBack()).isEqualTo(heldBackBefore + 1);

        now.set(start.plusSeconds(60));
        keeper.fund(view);
        now.set(start.plusSeconds(60 + 119));
        keeper.fund(view);

        assertThat(finance.asked.get())
                .as("asked again after a minute, then held back two")
                .isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT status || ' ' || retry_after FROM ad_budget_reservations WHERE campaign_id = ?"
                                + " ORDER BY created_at",
                        String.class,
                        campaignId))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row).startsWith("REFUSED"));

        finance.refusing.set(false);
        now.set(start.plusSeconds(60 + 120));
        keeper.fund(view);

        assertThat(finance.asked.get()).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT reserved FROM ad_spend_allowances WHERE campaign_id = ?", BigDecimal.class, campaignId))
                .isEqualByComparingTo("10.00");
        refusedFunding.refresh();
        assertThat(refusedFunding.heldBack()).isEqualTo(heldBackBefore);
    }

    @Autowired
    RefusedSettlements refusedSettlements;

    @Test
    void aCommitFinanceRefusesIsSetAsideForAPersonAndThePassStillFundsEveryCampaign() {
        campaignId = UUID.fromString(servingLater("Its reservation released at finance by hand"));
        UUID stillFunded = UUID.fromString(servingLater("Funded in the same pass"));
        LocalDate yesterday =
                LocalDate.ofInstant(IN_FLIGHT.instant(), ZoneOffset.UTC).minusDays(1);
        UUID releasedByHand = tranche(yesterday, "10.00");
        allowance(yesterday, "10.00", "10.00");
        finance.refuseToCommit(releasedByHand, "409 reservation " + releasedByHand + " is RELEASED");
        AllowanceKeeper keeper = keeperInFlight(new ReservationRows(jdbc, IN_FLIGHT), TENTHS);
        refusedSettlements.refresh();
        long setAsideBefore = refusedSettlements.setAside();

        keeper.keep();

        assertThat(jdbc.queryForObject(
                        "SELECT reserved FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                        BigDecimal.class,
                        stillFunded,
                        yesterday.plusDays(1)))
                .as("funded although a day settled before it was refused")
                .isEqualByComparingTo("10.00");
        assertThat(jdbc.queryForList(
                        "SELECT status || ' ' || detail FROM ad_budget_reservations WHERE campaign_id = ? AND day = ?",
                        String.class,
                        campaignId,
                        yesterday))
                .containsExactly("NEEDS_PERSON commit refused: 409 reservation " + releasedByHand + " is RELEASED");
        assertThat(statusOfAllowance(yesterday)).isEqualTo("SETTLED");
        refusedSettlements.refresh();
        assertThat(refusedSettlements.setAside()).isEqualTo(setAsideBefore + 1);

        keeper.keep();

        assertThat(finance.commitsAsked(releasedByHand)).as("not asked again").isEqualTo(1);
    }

    @Test
    void aCampaignPausedAfterThePassReadItIsReservedNothing() {
        campaignId = UUID.fromString(servingLater("Paused after the pass read it"));
        AdCampaignView readByThePass = campaigns.view(campaignId);
        Api.Response paused =
                api.post("/api/v1/ads/campaigns/" + campaignId + "/pause", Map.of("reason", "stop spending"));
        assertThat(paused.status()).isEqualTo(200);

        keeperInFlight(new ReservationRows(jdbc, IN_FLIGHT), TENTHS).fund(readByThePass);

        assertThat(finance.reserved()).isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM ad_budget_reservations WHERE campaign_id = ?", Integer.class, campaignId))
                .isZero();
    }

    @Test
    void aCampaignWhoseBudgetWasLoweredAfterThePassReadItIsReservedATrancheOfItsNewBudget() {
        campaignId = UUID.fromString(servingLater("Budget lowered after the pass read it"));
        AdCampaignView readByThePass = campaigns.view(campaignId);
        Api.Response lowered = api.put(
                "/api/v1/ads/campaigns/" + campaignId + "/budget",
                Map.of("daily_budget", 20.00, "total_budget", 20.00, "reason", "spend less"));
        assertThat(lowered.status()).isEqualTo(200);

        keeperInFlight(new ReservationRows(jdbc, IN_FLIGHT), TENTHS).fund(readByThePass);

        assertThat(finance.reserved()).as("a tenth of the new daily budget").isEqualByComparingTo("2.00");
    }

    /**
     * An active campaign whose flight starts in 2030, funded by a keeper on {@link #IN_FLIGHT}. The shared
     * application's keeper, on today's clock, sees it not serving and would settle whatever allowance it has, closing
     * it while this test's keeper waits for finance (a tranche then reserved is released, not added); its passes do
     * not run on their own here (see {@link AdIntegrationTest}), and it is activated in the table because an
     * activation through the API starts one.
     */
    private String servingLater(String name) {
        String id = createCampaign(with(campaign(name), "starts_at", "2030-06-01T00:00:00Z"));
        assertThat(jdbc.update("UPDATE ad_campaigns SET status = 'ACTIVE' WHERE id = ?::uuid AND status = 'DRAFT'", id))
                .isOne();
        return id;
    }

    private AllowanceKeeper keeperInFlight(ReservationRows rows, BudgetProperties properties) {
        return new AllowanceKeeper(
                jdbc, tx, rows, new SpendAllowances(jdbc, IN_FLIGHT), finance, campaigns, properties, IN_FLIGHT);
    }

    /** Refuses every tranche (no room in the budget) until told otherwise, counting what it was asked. */
    private static final class RefusingFinance implements FinanceReservations {

        final AtomicInteger asked = new AtomicInteger();
        final AtomicBoolean refusing = new AtomicBoolean(true);

        @Override
        public ReserveOutcome reserve(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            asked.incrementAndGet();
            return refusing.get()
                    ? new ReserveOutcome.Refused("409 requested " + amount + " but only 0.00 is available")
                    : new ReserveOutcome.Reserved(UUID.randomUUID());
        }

        @Override
        public ExpenseOutcome recordExpense(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            throw new AssertionError("nothing was spent");
        }

        @Override
        public void commit(UUID financeReservationId) {}

        @Override
        public void release(UUID financeReservationId) {}
    }

    @Test
    void settlingADayWonBeyondItsTranchesRecordsWhatTheyDoNotCoverAtFinanceAsSpent() {
        campaignId = UUID.fromString(createCampaign(campaign("Won beyond its tranches")));
        LocalDate today = allowances.today();
        UUID trancheReservation = reservedTranche(today, "10.00", "10.504");

        keeper(new ReservationRows(jdbc, clock), TENTHS).settle(campaignId, today);

        assertThat(finance.recorded()).isEqualByComparingTo("0.51");
        assertThat(finance.reserved()).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind",
                        String.class,
                        campaignId))
                .containsExactly("OVERSPEND 0.51 COMMITTED", "TRANCHE 10.00 COMMITTED");
        assertThat(finance.committed()).containsExactly(trancheReservation);
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
    }

    @Test
    void spendBeyondTheAllowanceIsRecordedAtFinanceEvenWhenItsBudgetHasNoRoomLeft() {
        campaignId = UUID.fromString(createCampaign(campaign("Won beyond a spent budget")));
        LocalDate today = allowances.today();
        reservedTranche(today, "10.00", "10.504");
        var finance = new SpentBudget();

        keeper(finance).settle(campaignId, today);

        assertThat(finance.recordedOnce()).containsOnly(new BigDecimal("0.51"));
        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind",
                        String.class,
                        campaignId))
                .containsExactly("OVERSPEND 0.51 COMMITTED", "TRANCHE 10.00 COMMITTED");
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
    }

    @Test
    void overspendFinanceDidNotAnswerIsRecordedByALaterPassAndOnlyOnce() {
        campaignId = UUID.fromString(createCampaign(campaign("Won while finance was down")));
        LocalDate today = allowances.today();
        reservedTranche(today, "10.00", "10.504");
        var finance = new SpentBudget();
        // down for the first pass; the second pass's expense is booked but its answer lost on the way back
        finance.unanswered(2, 1);
        AllowanceKeeper keeper = keeper(finance);

        assertThatThrownBy(() -> keeper.settle(campaignId, today)).isInstanceOf(FinanceUnavailableException.class);
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLING");
        assertThat(finance.recordedOnce()).isEmpty();
        assertThatThrownBy(() -> keeper.settle(campaignId, today)).isInstanceOf(FinanceUnavailableException.class);
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLING");
        keeper.settle(campaignId, today);

        assertThat(finance.recordedOnce()).containsOnly(new BigDecimal("0.51"));
        assertThat(finance.askedToRecord()).isEqualTo(3);
        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind",
                        String.class,
                        campaignId))
                .containsExactly("OVERSPEND 0.51 COMMITTED", "TRANCHE 10.00 COMMITTED");
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
    }

    @Test
    void overspendFinanceRefusesIsShownOwedInItsCurrencyUntilFinanceRecordsIt() throws Exception {
        campaignId = UUID.fromString(createCampaign(campaign("Won beyond a budget finance has not set up")));
        LocalDate today = allowances.today();
        double owedBefore = unrecordedOverspend("EUR");
        reservedTranche(today, "10.00", "10.504");
        var finance = new SpentBudget();
        finance.refuseToRecord("404 no budget for marketing in " + YearMonth.from(today));
        AllowanceKeeper keeper = keeper(finance);

        keeper.settle(campaignId, today);
        keeper.settle(campaignId, today);

        assertThat(finance.askedToRecord()).isEqualTo(2);
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLING");
        assertThat(unrecordedOverspend("EUR") - owedBefore).isCloseTo(0.51, within(1e-9));
        overspendMetrics.refresh();
        assertThat(scraped("ad_overspend_unrecorded", "EUR"))
                .as("on the running agent's Prometheus endpoint")
                .isCloseTo(owedBefore + 0.51, within(1e-9));

        finance.refuseToRecord(null);
        keeper.settle(campaignId, today);

        assertThat(finance.recordedOnce()).containsOnly(new BigDecimal("0.51"));
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
        assertThat(unrecordedOverspend("EUR")).isCloseTo(owedBefore, within(1e-9));
    }

    @Test
    void overspendFinanceRefusedBeforeTheUpgradeIsRecordedOnceTheDayIsSettledAgain() throws Exception {
        campaignId = UUID.fromString(createCampaign(campaign("Refused before the upgrade")));
        LocalDate refusedDay = LocalDate.of(2024, 11, 3);
        LocalDate coveredDay = LocalDate.of(2024, 11, 4);
        // settled as the old keeper left it: the tranche committed, the overspend refused by finance
        settledWithRefusedOverspend(refusedDay, "10.504", "10.00");
        // a later settlement of this day already committed a tranche that covered its refused overspend
        settledWithRefusedOverspend(coveredDay, "10.504", "20.00");
        var finance = new SpentBudget();

        jdbc.execute(new String(
                new org.springframework.core.io.ClassPathResource(
                                "db/migration/ad/V5__overspend_recorded_beyond_budget.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        keeper(finance).settle(campaignId, refusedDay);
        keeper(finance).settle(campaignId, coveredDay);

        assertThat(finance.recordedOnce()).containsOnly(new BigDecimal("0.51"));
        assertThat(statusOfAllowance(refusedDay)).isEqualTo("SETTLED");
        assertThat(statusOfAllowance(coveredDay)).isEqualTo("SETTLED");
    }

    @Test
    void spendRecordedWhileTheDayIsBeingSettledIsSettledByTheNextPass() {
        campaignId = UUID.fromString(createCampaign(campaign("Won while settling")));
        LocalDate today = allowances.today();
        reservedTranche(today, "10.00", "4.00");
        // a win notice arrives while finance is being asked for the exact settlement
        finance.onFirstReserve(() -> allowances.overspend(campaignId, today, "EUR", new BigDecimal("0.25")));
        AllowanceKeeper keeper = keeper(new ReservationRows(jdbc, clock), TENTHS);

        keeper.settle(campaignId, today);
        assertThat(statusOfAllowance(today)).isEqualTo("OPEN");
        keeper.settle(campaignId, today);

        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind, amount",
                        String.class,
                        campaignId))
                .containsExactly("OVERSPEND 0.25 COMMITTED", "SETTLEMENT 4.00 COMMITTED", "TRANCHE 10.00 RELEASED");
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
    }

    @Test
    void anExactSettlementFinanceRefusesToCommitIsReleasedThereAndItsTrancheCommittedWhole() {
        campaignId = UUID.fromString(createCampaign(campaign("Its exact settlement refused at commit")));
        LocalDate today = allowances.today();
        UUID trancheReservation = reservedTranche(today, "10.00", "4.00");
        finance.refuseToCommitWhatItReserves("422 the settlement's month is closed to commits");
        AllowanceKeeper keeper = keeper(new ReservationRows(jdbc, clock), TENTHS);

        keeper.settle(campaignId, today);
        keeper.settle(campaignId, today);

        UUID settlementReservation = jdbc.queryForObject(
                "SELECT finance_reservation_id FROM ad_budget_reservations WHERE campaign_id = ? AND kind = 'SETTLEMENT'",
                UUID.class,
                campaignId);
        assertThat(finance.released())
                .as("the settlement's reservation no longer held at finance")
                .containsExactly(settlementReservation);
        assertThat(finance.committed()).containsExactly(trancheReservation);
        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind",
                        String.class,
                        campaignId))
                .containsExactly("SETTLEMENT 4.00 RELEASED", "TRANCHE 10.00 COMMITTED");
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
    }

    @Test
    void settlingTheLastDayOfAMonthAfterMidnightBooksItsSpendInThatMonth() {
        campaignId = UUID.fromString(createCampaign(campaign("Settled after the month ended")));
        Clock firstOfJanuary = Clock.fixed(Instant.parse("2025-01-01T00:05:00Z"), ZoneOffset.UTC);
        var finance = new MonthlyFinance(firstOfJanuary);
        // the 30th won beyond its tranche; the 31st spent a tranche and part of a second: both settled on the 1st
        finance.held(tranche(LocalDate.of(2024, 12, 30), "10.00"), "10.00", "2024-12");
        allowance(LocalDate.of(2024, 12, 30), "10.00", "10.504");
        finance.held(tranche(LocalDate.of(2024, 12, 31), "10.00"), "10.00", "2024-12");
        finance.held(tranche(LocalDate.of(2024, 12, 31), "10.00"), "10.00", "2024-12");
        allowance(LocalDate.of(2024, 12, 31), "20.00", "14.00");
        AllowanceKeeper keeper = new AllowanceKeeper(
                jdbc,
                tx,
                new ReservationRows(jdbc, firstOfJanuary),
                new SpendAllowances(jdbc, firstOfJanuary),
                finance,
                campaigns,
                TENTHS,
                firstOfJanuary);

        keeper.settle(campaignId, LocalDate.of(2024, 12, 30));
        keeper.settle(campaignId, LocalDate.of(2024, 12, 31));

        assertThat(finance.committedIn("2024-12")).isEqualByComparingTo("24.51");
        assertThat(finance.committedIn("2025-01")).isEqualByComparingTo("0.00");
        assertThat(finance.heldIn("2025-01")).isEqualByComparingTo("0.00");
        assertThat(statusOfAllowance(LocalDate.of(2024, 12, 30))).isEqualTo("SETTLED");
        assertThat(statusOfAllowance(LocalDate.of(2024, 12, 31))).isEqualTo("SETTLED");
    }

    /**
     * What a freshly started instance reports owed in the currency: a registry of its own, so only what the ad schema
     * holds can be in it.
     */
    private double unrecordedOverspend(String currency) {
        var registry = new SimpleMeterRegistry();
        new UnrecordedOverspend(jdbc, registry).refresh();
        return registry.get("ad.overspend.unrecorded")
                .tag("currency", currency)
                .gauge()
                .value();
    }

    /** The value of a series of the agent's /actuator/prometheus in a currency. */
    private double scraped(String series, String currency) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String exposition = client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + serverPort + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return exposition
                    .lines()
                    .filter(line -> line.startsWith(series + "{") && line.contains("currency=\"" + currency + "\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(series + " in " + currency + " not in " + exposition));
        }
    }

    private AllowanceKeeper keeper(FinanceReservations finance) {
        return new AllowanceKeeper(
                jdbc, tx, new ReservationRows(jdbc, clock), allowances, finance, campaigns, TENTHS, clock);
    }

    /** A day settled before spend beyond the budget was recorded: committed tranches, and a refused overspend. */
    private void settledWithRefusedOverspend(LocalDate day, String spent, String committed) {
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, reserved, spent, overspent, status,"
                        + " settling_spent, updated_at) VALUES (?, ?, 'EUR', ?::numeric, ?::numeric, 0, 'SETTLED',"
                        + " ?::numeric, now())",
                campaignId,
                day,
                spent,
                spent,
                spent);
        jdbc.update(
                "INSERT INTO ad_budget_reservations (id, campaign_id, day, kind, amount, currency, status,"
                        + " finance_reservation_id, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'TRANCHE', ?::numeric, 'EUR', 'COMMITTED', ?, now(), now())",
                UUID.randomUUID(),
                campaignId,
                day,
                committed,
                UUID.randomUUID());
        jdbc.update(
                "INSERT INTO ad_budget_reservations (id, campaign_id, day, kind, amount, currency, status, detail,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'OVERSPEND', 0.51, 'EUR', 'REFUSED',"
                        + " '409 no room', now(), now())",
                UUID.randomUUID(),
                campaignId,
                day);
    }

    private static final BudgetProperties TENTHS = new BudgetProperties(
            new BigDecimal("0.1"),
            new BigDecimal("0.5"),
            Duration.ofHours(1),
            Duration.ofMinutes(1),
            Duration.ofHours(1));

    /**
     * The campaign's allowance for the day, holding one tranche finance reserved, with {@code spent} spent (what
     * the tranche does not cover as overspent); the tranche's finance reservation id.
     */
    private UUID reservedTranche(LocalDate day, String amount, String spent) {
        UUID financeId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO ad_budget_reservations (id, campaign_id, day, kind, amount, currency, status,"
                        + " finance_reservation_id, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'TRANCHE', ?::numeric, 'EUR', 'RESERVED', ?, now(), now())",
                UUID.randomUUID(),
                campaignId,
                day,
                amount,
                financeId);
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, reserved, spent, overspent, status,"
                        + " updated_at) VALUES (?, ?, 'EUR', ?::numeric, ?::numeric,"
                        + " GREATEST(?::numeric - ?::numeric, 0), 'OPEN', now())",
                campaignId,
                day,
                amount,
                spent,
                spent,
                amount);
        return financeId;
    }

    /** A tranche of the campaign's allowance of the day that finance reserved; its finance reservation id. */
    private UUID tranche(LocalDate day, String amount) {
        UUID financeId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO ad_budget_reservations (id, campaign_id, day, kind, amount, currency, status,"
                        + " finance_reservation_id, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'TRANCHE', ?::numeric, 'EUR', 'RESERVED', ?, now(), now())",
                UUID.randomUUID(),
                campaignId,
                day,
                amount,
                financeId);
        return financeId;
    }

    /** The campaign's open allowance of the day, {@code reserved} in tranches and {@code spent} of it spent. */
    private void allowance(LocalDate day, String reserved, String spent) {
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, reserved, spent, overspent, status,"
                        + " updated_at) VALUES (?, ?, 'EUR', ?::numeric, ?::numeric,"
                        + " GREATEST(?::numeric - ?::numeric, 0), 'OPEN', now())",
                campaignId,
                day,
                reserved,
                spent,
                spent,
                reserved);
    }

    private String statusOfAllowance(LocalDate day) {
        return jdbc.queryForObject(
                "SELECT status FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                String.class,
                campaignId,
                day);
    }

    private AllowanceKeeper keeper(ReservationRows rows, BudgetProperties properties) {
        return new AllowanceKeeper(jdbc, tx, rows, allowances, finance, campaigns, properties, clock);
    }

    /**
     * Lets a keeper look for a pending tranche only once the other keeper looks too, or waits for a lock in the
     * database: without a guard in the database both find none.
     */
    private final class MeetingRows extends ReservationRows {

        private final AtomicInteger looking = new AtomicInteger();

        MeetingRows(Clock clock) {
            super(jdbc, clock);
        }

        @Override
        boolean hasPendingTranche(UUID campaignId) {
            looking.incrementAndGet();
            await().atMost(Duration.ofSeconds(20)).until(() -> looking.get() >= 2 || anotherWaitsForALock());
            return super.hasPendingTranche(campaignId);
        }

        private boolean anotherWaitsForALock() {
            return Boolean.TRUE.equals(
                    jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted)", Boolean.class));
        }
    }

    /**
     * Finance whose budget is spent: it refuses every reservation (409) and records spend made without one, once per
     * Idempotency-Key, as finance does. It can be made not to answer: not called at all, or booking and then losing
     * its answer on the way back.
     */
    private static final class SpentBudget implements FinanceReservations {

        private final Map<UUID, BigDecimal> recorded = new ConcurrentHashMap<>();
        private final AtomicInteger asked = new AtomicInteger();
        private final AtomicInteger down = new AtomicInteger();
        private final AtomicInteger answersLost = new AtomicInteger();
        private final AtomicReference<String> refusal = new AtomicReference<>();

        /** The next {@code times} calls to record fail; the last {@code lostAnswers} of them after booking. */
        void unanswered(int times, int lostAnswers) {
            down.set(times - lostAnswers);
            answersLost.set(lostAnswers);
        }

        /** Every call to record is refused for this reason, until it is null again (a person set finance right). */
        void refuseToRecord(String reason) {
            refusal.set(reason);
        }

        @Override
        public ReserveOutcome reserve(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            return new ReserveOutcome.Refused("409 no room left in the budget");
        }

        @Override
        public ExpenseOutcome recordExpense(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            asked.incrementAndGet();
            String refused = refusal.get();
            if (refused != null) {
                return new ExpenseOutcome.Refused(refused);
            }
            if (down.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new FinanceUnavailableException("finance did not answer", null);
            }
            recorded.putIfAbsent(idempotencyKey, amount);
            if (answersLost.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new FinanceUnavailableException("finance's answer was lost", null);
            }
            return new ExpenseOutcome.Recorded(idempotencyKey, amount);
        }

        @Override
        public void commit(UUID financeReservationId) {}

        @Override
        public void release(UUID financeReservationId) {}

        /** What was booked, one amount per key: a repeated key books nothing more. */
        java.util.Collection<BigDecimal> recordedOnce() {
            return recorded.values();
        }

        int askedToRecord() {
            return asked.get();
        }
    }

    /**
     * Finance's budgets by fiscal month, with room for everything asked: a reservation is made from the month of the
     * day it names, or from the month finance's clock reads when it names none, as finance does.
     */
    private static final class MonthlyFinance implements FinanceReservations {

        private record Held(BigDecimal amount, String period) {}

        private final Clock clock;
        private final Map<UUID, Held> held = new ConcurrentHashMap<>();
        private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
        private final Set<UUID> released = ConcurrentHashMap.newKeySet();

        MonthlyFinance(Clock clock) {
            this.clock = clock;
        }

        void held(UUID financeId, String amount, String period) {
            held.put(financeId, new Held(new BigDecimal(amount), period));
        }

        @Override
        public ReserveOutcome reserve(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            UUID id =
                    UUID.nameUUIDFromBytes(idempotencyKey.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String period = YearMonth.from(spentOn == null ? LocalDate.now(clock) : spentOn)
                    .toString();
            held.putIfAbsent(id, new Held(amount, period));
            return new ReserveOutcome.Reserved(id);
        }

        @Override
        public ExpenseOutcome recordExpense(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            held.putIfAbsent(
                    idempotencyKey, new Held(amount, YearMonth.from(spentOn).toString()));
            committed.add(idempotencyKey);
            return new ExpenseOutcome.Recorded(idempotencyKey, BigDecimal.ZERO);
        }

        @Override
        public void commit(UUID financeReservationId) {
            committed.add(financeReservationId);
        }

        @Override
        public void release(UUID financeReservationId) {
            released.add(financeReservationId);
        }

        BigDecimal committedIn(String period) {
            return sum(period, committed::contains);
        }

        /** Still set aside in the month: neither committed nor released. */
        BigDecimal heldIn(String period) {
            return sum(period, id -> !committed.contains(id) && !released.contains(id));
        }

        private BigDecimal sum(String period, java.util.function.Predicate<UUID> counted) {
            return held.entrySet().stream()
                    .filter(e -> e.getValue().period().equals(period) && counted.test(e.getKey()))
                    .map(e -> e.getValue().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Finance with room for everything asked: reserves once per Idempotency-Key and remembers how much, and records
     * spend once per key.
     */
    private static final class RecordingFinance implements FinanceReservations {

        private final Map<UUID, BigDecimal> reservations = new ConcurrentHashMap<>();
        private final Map<UUID, BigDecimal> recorded = new ConcurrentHashMap<>();
        private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
        private final AtomicReference<Runnable> onFirstReserve = new AtomicReference<>();

        @Override
        public ReserveOutcome reserve(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            Runnable first = onFirstReserve.getAndSet(null);
            if (first != null) {
                first.run();
            }
            reservations.putIfAbsent(idempotencyKey, amount);
            UUID financeId =
                    UUID.nameUUIDFromBytes(idempotencyKey.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            reservedHere.add(financeId);
            return new ReserveOutcome.Reserved(financeId);
        }

        private final Set<UUID> reservedHere = ConcurrentHashMap.newKeySet();

        @Override
        public ExpenseOutcome recordExpense(
                UUID idempotencyKey, BigDecimal amount, String currency, String purpose, LocalDate spentOn) {
            recorded.putIfAbsent(idempotencyKey, amount);
            return new ExpenseOutcome.Recorded(idempotencyKey, BigDecimal.ZERO);
        }

        private final Map<UUID, String> refusedCommits = new ConcurrentHashMap<>();
        private final Map<UUID, AtomicInteger> commitsAsked = new ConcurrentHashMap<>();

        @Override
        public void commit(UUID financeReservationId) {
            commitsAsked
                    .computeIfAbsent(financeReservationId, id -> new AtomicInteger())
                    .incrementAndGet();
            String refusal = refusedCommits.get(financeReservationId);
            if (refusal == null && reservedHere.contains(financeReservationId)) {
                refusal = ownCommitsRefused.get();
            }
            if (refusal != null) {
                throw new SettlementRefusedException(refusal, null);
            }
            committed.add(financeReservationId);
        }

        private final AtomicReference<String> ownCommitsRefused = new AtomicReference<>();
        private final Set<UUID> released = ConcurrentHashMap.newKeySet();

        /** Finance refuses to commit any reservation it makes from now on for this reason. */
        void refuseToCommitWhatItReserves(String reason) {
            ownCommitsRefused.set(reason);
        }

        Set<UUID> released() {
            return released;
        }

        /** Finance refuses to commit the reservation for this reason, as when a person released it there. */
        void refuseToCommit(UUID financeReservationId, String reason) {
            refusedCommits.put(financeReservationId, reason);
        }

        int commitsAsked(UUID financeReservationId) {
            AtomicInteger asked = commitsAsked.get(financeReservationId);
            return asked == null ? 0 : asked.get();
        }

        BigDecimal recorded() {
            return recorded.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        void onFirstReserve(Runnable action) {
            onFirstReserve.set(action);
        }

        Set<UUID> committed() {
            return committed;
        }

        @Override
        public void release(UUID financeReservationId) {
            released.add(financeReservationId);
        }

        BigDecimal reserved() {
            return reservations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}

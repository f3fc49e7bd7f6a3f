package com.agentfactory.ad.budget;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.support.AdIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the agent keep the same allowances: two keepers, each with the in-process lock of its own, fund
 * one campaign at the same moment. Both look for a pending tranche before either records one, unless the database
 * holds one of them back. Settling a day reports to finance what was won beyond the allowance too.
 */
class AllowanceKeeperIT extends AdIntegrationTest {

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SpendAllowances allowances;

    @Autowired
    AdCampaigns campaigns;

    private final RecordingFinance finance = new RecordingFinance();
    private UUID campaignId;

    @AfterEach
    void leaveNothingToSettle() {
        // the shared application's keeper would otherwise try to give these tranches back to a finance not running
        jdbc.update("DELETE FROM ad_budget_reservations WHERE campaign_id = ?", campaignId);
        jdbc.update("DELETE FROM ad_spend_allowances WHERE campaign_id = ?", campaignId);
    }

    @Test
    void twoInstancesFundingOneCampaignAtOnceReserveNoMoreThanItsDailyBudget() throws Exception {
        campaignId = UUID.fromString(createCampaign(campaign("Funded twice at once")));
        AdCampaignView view = campaigns.view(campaignId);
        var rows = new MeetingRows();
        // each keeper reserves the whole daily budget in one tranche: a second tranche is always too much
        var properties = new BudgetProperties(BigDecimal.ONE, new BigDecimal("0.5"), Duration.ofHours(1));
        AllowanceKeeper first = keeper(rows, properties);
        AllowanceKeeper second = keeper(rows, properties);

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

    @Test
    void settlingADayWonBeyondItsTranchesReservesAndCommitsWhatTheyDoNotCoverAtFinance() {
        campaignId = UUID.fromString(createCampaign(campaign("Won beyond its tranches")));
        LocalDate today = allowances.today();
        UUID trancheReservation = reservedTranche(today, "10.00", "10.504");

        keeper(new ReservationRows(jdbc, clock), TENTHS).settle(campaignId, today);

        assertThat(finance.reserved()).isEqualByComparingTo("0.51");
        assertThat(jdbc.queryForList(
                        "SELECT kind || ' ' || amount || ' ' || status FROM ad_budget_reservations"
                                + " WHERE campaign_id = ? ORDER BY kind",
                        String.class,
                        campaignId))
                .containsExactly("OVERSPEND 0.51 COMMITTED", "TRANCHE 10.00 COMMITTED");
        assertThat(finance.committed()).hasSize(2).contains(trancheReservation);
        assertThat(statusOfAllowance(today)).isEqualTo("SETTLED");
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

    private static final BudgetProperties TENTHS =
            new BudgetProperties(new BigDecimal("0.1"), new BigDecimal("0.5"), Duration.ofHours(1));

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

        MeetingRows() {
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

    /** Finance with room for everything asked: reserves once per Idempotency-Key and remembers how much. */
    private static final class RecordingFinance implements FinanceReservations {

        private final Map<UUID, BigDecimal> reservations = new ConcurrentHashMap<>();
        private final Set<UUID> committed = ConcurrentHashMap.newKeySet();
        private final AtomicReference<Runnable> onFirstReserve = new AtomicReference<>();

        @Override
        public ReserveOutcome reserve(UUID idempotencyKey, BigDecimal amount, String currency, String purpose) {
            Runnable first = onFirstReserve.getAndSet(null);
            if (first != null) {
                first.run();
            }
            reservations.putIfAbsent(idempotencyKey, amount);
            return new ReserveOutcome.Reserved(UUID.nameUUIDFromBytes(
                    idempotencyKey.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Override
        public void commit(UUID financeReservationId) {
            committed.add(financeReservationId);
        }

        void onFirstReserve(Runnable action) {
            onFirstReserve.set(action);
        }

        Set<UUID> committed() {
            return committed;
        }

        @Override
        public void release(UUID financeReservationId) {}

        BigDecimal reserved() {
            return reservations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}

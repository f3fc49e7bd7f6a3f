package com.agentfactory.ad.budget;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.support.AdIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of the agent keep the same allowances: two keepers, each with the in-process lock of its own, fund
 * one campaign at the same moment. Both look for a pending tranche before either records one, unless the database
 * holds one of them back.
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

        @Override
        public ReserveOutcome reserve(UUID idempotencyKey, BigDecimal amount, String currency, String purpose) {
            reservations.putIfAbsent(idempotencyKey, amount);
            return new ReserveOutcome.Reserved(UUID.nameUUIDFromBytes(
                    idempotencyKey.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Override
        public void commit(UUID financeReservationId) {}

        @Override
        public void release(UUID financeReservationId) {}

        BigDecimal reserved() {
            return reservations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}

package com.agentfactory.ad.budget;

import com.agentfactory.ad.budget.FinanceReservations.ExpenseOutcome;
import com.agentfactory.ad.budget.FinanceReservations.ReserveOutcome;
import com.agentfactory.ad.budget.ReservationRows.Row;
import com.agentfactory.ad.campaign.AdCampaignStatusChanged;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.messaging.finance.FinanceUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each serving campaign's daily allowance funded by finance and gives back what was not spent.
 *
 * <p>Funding: when less than {@code top-up-below} of a tranche is left, a new tranche (a share of the daily budget,
 * never beyond the daily or the total budget) is reserved. Its row, whose id is the Idempotency-Key, is committed
 * before finance is called; only a reservation finance confirmed is added to the allowance, exactly once. A tranche
 * finance refuses holds the campaign's funding back for {@code refusal-backoff}, doubled with each refusal in a row
 * up to {@code max-refusal-backoff}: the first refusal is logged, and {@link RefusedFunding} counts the campaigns
 * held back.
 *
 * <p>Settling (a past day, or a campaign that stopped serving): the allowance is closed to spending first, then what
 * was spent is laid over the tranches in order; what was spent beyond them all (wins the allowance could not cover) is
 * recorded at finance exactly, as an overspend: finance books it as spent even when the budget has no room left, since
 * the exchanges bill it anyway. Until finance has recorded it the day stays unsettled and every pass asks again, with
 * the same key, so finance being down delays it and a lost answer does not book it twice. Fully spent tranches are committed (finance records them as
 * expenses), untouched ones released. Finance commits a reservation only whole, so a partly spent tranche is settled by
 * reserving and committing the exact spent amount (rounded up to the cent) and releasing the tranche; if finance has no
 * room for that, the whole tranche is committed, which records a little more than was spent but never lets spend escape
 * the budget. Every step is a status on a stored row and every finance call is idempotent, so a pass interrupted
 * anywhere is finished by the next one without spending twice. Every reservation names the allowance's UTC day, so
 * finance books a day settled after midnight on the first of a month in the month the exchanges bill it in. A commit
 * or release finance refuses (a reservation released or committed there by hand, one it does not know) would be
 * refused again on every pass: the row is set aside for a person and the day settles without it.
 *
 * <p>Several instances keep the allowances side by side. Within one, passes run under one lock; across them, what
 * decides about a campaign's allowance (recording a tranche, planning a settlement) runs in a transaction holding
 * the campaign's advisory lock in the database, so two instances never both record a tranche the budget has room
 * for only once. Finance is called outside those transactions.
 */
@Service
public class AllowanceKeeper {

    private static final Logger log = LoggerFactory.getLogger(AllowanceKeeper.class);
    private static final BigDecimal CENT = new BigDecimal("0.01");
    /** A row whose commit or release finance refused for good: kept out of every settlement until a person acts. */
    static final String NEEDS_PERSON = "NEEDS_PERSON";
    /** The first half of the campaign locks' advisory keys: keeps them apart from other users of advisory locks. */
    private static final int ALLOWANCE_LOCKS = 0x41_44_41_4C;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReservationRows rows;
    private final SpendAllowances allowances;
    private final FinanceReservations finance;
    private final AdCampaigns campaigns;
    private final BudgetProperties properties;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    AllowanceKeeper(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ReservationRows rows,
            SpendAllowances allowances,
            FinanceReservations finance,
            AdCampaigns campaigns,
            BudgetProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rows = rows;
        this.allowances = allowances;
        this.finance = finance;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass: settle what must be settled, retry what finance did not answer, fund serving campaigns. */
    @Scheduled(
            fixedDelayString = "${agentfactory.ad.budget.keeper-interval}",
            initialDelayString = "${agentfactory.ad.budget.keeper-interval}")
    public void keep() {
        lock.lock();
        try {
            LocalDate today = allowances.today();
            Map<UUID, AdCampaignView> byId =
                    campaigns.all().stream().collect(Collectors.toMap(AdCampaignView::id, Function.identity()));
            for (var open : openAllowances()) {
                AdCampaignView campaign = byId.get(open.campaignId());
                boolean serving = campaign != null && campaign.isServing(clock.instant());
                if (open.day().isBefore(today) || !serving || "SETTLING".equals(open.status())) {
                    alone(
                            () -> settleUnlocked(open.campaignId(), open.day()),
                            "settling campaign " + open.campaignId() + " on " + open.day());
                }
            }
            for (Row pending : rows.pendingTranchesOfOpenAllowances()) {
                alone(() -> ask(pending), "asking for tranche " + pending.id());
            }
            for (AdCampaignView campaign : byId.values()) {
                if (campaign.isServing(clock.instant())) {
                    alone(() -> fund(campaign, today), "funding campaign " + campaign.id());
                }
            }
        } catch (FinanceUnavailableException e) {
            log.warn("finance unavailable, allowances kept as they are until the next pass: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /**
     * One campaign's step of a pass. Days are settled before any campaign is funded, so a step that failed the pass
     * would, failing on every pass, keep every campaign from being funded again: its failure is logged and the step
     * left for the next pass. Finance being down still ends the pass, since every later step would wait on it too.
     */
    private static void alone(Runnable step, String what) {
        try {
            step.run();
        } catch (FinanceUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("{} failed, left for the next pass", what, e);
        }
    }

    /** A campaign that stops serving gives its unspent allowance back at once, off the request's thread. */
    @TransactionalEventListener
    void onStatusChanged(AdCampaignStatusChanged changed) {
        if (changed.to() == com.agentfactory.ad.campaign.AdCampaignStatus.ACTIVE) {
            Thread.ofVirtual().name("allowance-fund").start(this::keep);
            return;
        }
        Thread.ofVirtual().name("allowance-settle").start(() -> {
            try {
                settle(changed.campaignId(), allowances.today());
            } catch (RuntimeException e) {
                log.warn("settling campaign {} left for the next pass: {}", changed.campaignId(), e.getMessage());
            }
        });
    }

    /** Funds today's allowance of the campaign if it is running low and still serving. */
    public void fund(AdCampaignView campaign) {
        lock.lock();
        try {
            fund(campaign, allowances.today());
        } finally {
            lock.unlock();
        }
    }

    /** Closes the day's allowance of the campaign to spending and settles it with finance. */
    public void settle(UUID campaignId, LocalDate day) {
        lock.lock();
        try {
            settleUnlocked(campaignId, day);
        } finally {
            lock.unlock();
        }
    }

    private void fund(AdCampaignView campaign, LocalDate day) {
        UUID key = tx.execute(s -> recordTranche(campaign, day));
        if (key != null) {
            // finance is asked after the row is committed, outside the transaction: a slow finance holds no lock
            ask(rows.find(key).orElseThrow());
        }
    }

    /**
     * Decides whether the campaign needs a tranche and records it as pending; one transaction, under the campaign's
     * lock, so that of several instances funding the campaign at once only the first records a tranche and the
     * others see it pending.
     *
     * @return the pending tranche's id (its Idempotency-Key), or null when none is needed
     */
    private UUID recordTranche(AdCampaignView read, LocalDate day) {
        lockCampaign(read.id());
        // the pass read the campaign before this lock: one paused, ended or given a lower budget since must not be
        // reserved a tranche from what it was. Share-locked, a pause asked for now waits until the tranche is
        // recorded, and its settlement then gives the tranche back
        AdCampaignView campaign = campaigns.lockShared(read.id()).orElse(null);
        if (campaign == null || !campaign.isServing(clock.instant())) {
            return null;
        }
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, status, updated_at)"
                        + " VALUES (?, ?, ?, 'OPEN', ?) ON CONFLICT DO NOTHING",
                campaign.id(),
                day,
                campaign.currency(),
                Timestamp.from(clock.instant()));
        // a campaign paused and resumed on the same day spends on from what it already committed
        jdbc.update(
                "UPDATE ad_spend_allowances SET status = 'OPEN', updated_at = ? WHERE campaign_id = ? AND day = ?"
                        + " AND status = 'SETTLED'",
                Timestamp.from(clock.instant()),
                campaign.id(),
                day);
        if (rows.hasPendingTranche(campaign.id())) {
            return null;
        }
        // finance said no for a reason the next pass will not change (a spent budget, none for the month): asking
        // again every pass would only add a call and a refused row each time
        if (rows.refusedUntil(campaign.id(), day)
                .filter(until -> clock.instant().isBefore(until))
                .isPresent()) {
            return null;
        }
        var today = jdbc.queryForMap(
                "SELECT reserved, spent, status FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                campaign.id(),
                day);
        if (!"OPEN".equals(today.get("status"))) {
            return null;
        }
        BigDecimal reserved = (BigDecimal) today.get("reserved");
        BigDecimal remaining = reserved.subtract((BigDecimal) today.get("spent"));
        BigDecimal daily = campaign.effectiveDailyBudget();
        BigDecimal tranche = daily.multiply(properties.trancheFraction())
                .setScale(2, RoundingMode.UP)
                .max(CENT);
        if (remaining.compareTo(tranche.multiply(properties.topUpBelow())) >= 0) {
            return null;
        }
        BigDecimal lifetime = jdbc.queryForObject(
                "SELECT COALESCE(SUM(reserved), 0) FROM ad_spend_allowances WHERE campaign_id = ?",
                BigDecimal.class,
                campaign.id());
        BigDecimal amount = tranche.min(daily.subtract(reserved))
                .min(campaign.totalBudget().subtract(lifetime))
                .setScale(2, RoundingMode.DOWN);
        if (amount.compareTo(CENT) < 0) {
            return null;
        }
        UUID key = UUID.randomUUID();
        rows.insert(key, campaign.id(), day, "TRANCHE", amount, campaign.currency(), null);
        return key;
    }

    /**
     * Serialises, until the caller's transaction ends, every instance's decisions about the campaign's allowance:
     * the in-process lock only covers this instance, and production runs several.
     */
    private void lockCampaign(UUID campaignId) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, ALLOWANCE_LOCKS, campaignId.hashCode());
    }

    /**
     * Asks finance for a pending tranche, with its row's id as the key; adds it to the allowance once. Every
     * reservation names the allowance's day: one asked or retried after midnight is still that day's money.
     */
    private void ask(Row row) {
        ReserveOutcome outcome = finance.reserve(row.id(), row.amount(), row.currency(), purpose(row), row.day());
        tx.executeWithoutResult(s -> {
            switch (outcome) {
                case ReserveOutcome.Reserved reserved -> {
                    if (rows.move(row.id(), "PENDING", "RESERVED", reserved.financeReservationId(), null)) {
                        int added = jdbc.update(
                                "UPDATE ad_spend_allowances SET reserved = reserved + ?, updated_at = ?"
                                        + " WHERE campaign_id = ? AND day = ? AND status = 'OPEN'",
                                row.amount(),
                                Timestamp.from(clock.instant()),
                                row.campaignId(),
                                row.day());
                        if (added == 0) {
                            // the allowance closed while finance answered: the money is not needed any more
                            rows.move(row.id(), "RESERVED", "TO_RELEASE", null, "reserved after the allowance closed");
                        }
                    }
                }
                case ReserveOutcome.Refused refused -> {
                    int inARow = rows.refuse(row.id(), refused.reason(), this::retryAfter);
                    if (inARow == 1) {
                        log.warn(
                                "finance refused campaign {} a tranche of {} {} for {}: {}; it bids on what it holds"
                                        + " and asks again in {}, backing off up to {} while finance keeps refusing",
                                row.campaignId(),
                                row.amount(),
                                row.currency(),
                                row.day(),
                                refused.reason(),
                                properties.refusalBackoff(),
                                properties.maxRefusalBackoff());
                    } else if (inARow > 1) {
                        log.debug(
                                "finance refused campaign {} a tranche again ({} in a row): {}",
                                row.campaignId(),
                                inARow,
                                refused.reason());
                    }
                }
            }
        });
    }

    /** The backoff doubles with each refusal in a row, from {@code refusal-backoff} up to its maximum. */
    private Instant retryAfter(int refusalsInARow) {
        Duration wait = properties.refusalBackoff();
        for (int i = 1; i < refusalsInARow && wait.compareTo(properties.maxRefusalBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return clock.instant()
                .plus(wait.compareTo(properties.maxRefusalBackoff()) > 0 ? properties.maxRefusalBackoff() : wait);
    }

    private void settleUnlocked(UUID campaignId, LocalDate day) {
        tx.executeWithoutResult(s -> planSettlement(campaignId, day));
        drive(campaignId, day);
    }

    /** Closes the allowance and writes, on each tranche, what is to become of it; one transaction. */
    private void planSettlement(UUID campaignId, LocalDate day) {
        lockCampaign(campaignId);
        // settling_spent is what this settlement covers: a win recorded while it runs is left for another one.
        // The replicas' leases are kept: a replica bids from the view it read before this until its next refresh,
        // so its lease must go on counting against what the allowance has free, or a campaign resumed today would
        // be leased it again. Of an older generation than the allowance from now on, a lease is never bid on once
        // its owner has refreshed, nor renewed as it was (see AllowanceLeases#topUp)
        int closed = jdbc.update(
                "UPDATE ad_spend_allowances SET status = 'SETTLING', settling_spent = spent,"
                        + " generation = generation + 1, updated_at = ?"
                        + " WHERE campaign_id = ? AND day = ? AND status = 'OPEN'",
                Timestamp.from(clock.instant()),
                campaignId,
                day);
        if (closed == 0) {
            return;
        }
        BigDecimal spent = jdbc.queryForObject(
                "SELECT spent FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                BigDecimal.class,
                campaignId,
                day);
        // committed earlier the same day (paused and resumed): already paid for
        BigDecimal toCover = spent.subtract(committedAmount(campaignId, day));
        for (Row tranche : rows.of(campaignId, day)) {
            if (!"TRANCHE".equals(tranche.kind()) || !"RESERVED".equals(tranche.status())) {
                continue;
            }
            if (toCover.compareTo(tranche.amount()) >= 0) {
                rows.move(tranche.id(), "RESERVED", "TO_COMMIT", null, "fully spent");
                toCover = toCover.subtract(tranche.amount());
            } else if (toCover.signum() > 0) {
                BigDecimal exact = toCover.setScale(2, RoundingMode.UP);
                rows.move(tranche.id(), "RESERVED", "TO_SETTLE", null, "partly spent: " + exact);
                rows.insert(UUID.randomUUID(), campaignId, day, "SETTLEMENT", exact, tranche.currency(), tranche.id());
                toCover = BigDecimal.ZERO;
            } else {
                rows.move(tranche.id(), "RESERVED", "TO_RELEASE", null, "not spent");
            }
        }
        if (toCover.signum() > 0) {
            // won beyond every tranche (see SpendAllowances.overspend): owed to the exchanges, so finance records it;
            // only committed rows are subtracted above, so this also covers any earlier overspend never recorded
            rows.insert(
                    UUID.randomUUID(),
                    campaignId,
                    day,
                    "OVERSPEND",
                    toCover.setScale(2, RoundingMode.UP),
                    currencyOf(campaignId, day),
                    null);
        }
    }

    private String currencyOf(UUID campaignId, LocalDate day) {
        return jdbc.queryForObject(
                "SELECT currency FROM ad_spend_allowances WHERE campaign_id = ? AND day = ?",
                String.class,
                campaignId,
                day);
    }

    /** Does with finance what the rows say is left to do, then marks the allowance settled. */
    private void drive(UUID campaignId, LocalDate day) {
        for (Row row : rows.of(campaignId, day)) {
            if ("SETTLEMENT".equals(row.kind()) && "PENDING".equals(row.status())) {
                switch (finance.reserve(row.id(), row.amount(), row.currency(), purpose(row), row.day())) {
                    case ReserveOutcome.Reserved r ->
                        rows.move(row.id(), "PENDING", "TO_COMMIT", r.financeReservationId(), null);
                    case ReserveOutcome.Refused refused ->
                        tx.executeWithoutResult(s -> {
                            rows.move(row.id(), "PENDING", "REFUSED", null, refused.reason());
                            rows.move(
                                    row.settles(),
                                    "TO_SETTLE",
                                    "TO_COMMIT",
                                    null,
                                    "committed whole: finance had no room for the exact settlement of " + row.amount()
                                            + " (" + refused.reason() + ")");
                        });
                }
            } else if ("OVERSPEND".equals(row.kind()) && "PENDING".equals(row.status())) {
                // delivered and billed by the exchanges: recorded as spent, not asked for, so that a spent budget
                // cannot keep it from the books
                switch (finance.recordExpense(row.id(), row.amount(), row.currency(), purpose(row), row.day())) {
                    case ExpenseOutcome.Recorded recorded -> {
                        if (recorded.budgetOverspent().signum() > 0) {
                            log.warn(
                                    "campaign {} spent {} {} on {} beyond its allowance; finance's budget is now"
                                            + " overspent by {}",
                                    campaignId,
                                    row.amount(),
                                    row.currency(),
                                    day,
                                    recorded.budgetOverspent());
                        }
                        rows.move(row.id(), "PENDING", "COMMITTED", recorded.financeId(), "recorded as spent");
                    }
                    case ExpenseOutcome.Refused refused -> {
                        // still owed: the row stays pending and the day unsettled, so every pass asks again; the
                        // refusal kept as its detail is what UnrecordedOverspend reports to operators
                        log.error(
                                "finance could not record the {} {} campaign {} spent on {} beyond its allowance,"
                                        + " asked again on the next pass: {}",
                                row.amount(),
                                row.currency(),
                                campaignId,
                                day,
                                refused.reason());
                        rows.move(row.id(), "PENDING", "PENDING", null, refused.reason());
                    }
                }
            } else if ("TRANCHE".equals(row.kind()) && "PENDING".equals(row.status())) {
                // asked before the allowance closed but never answered: whatever finance holds for it goes back
                switch (finance.reserve(row.id(), row.amount(), row.currency(), purpose(row), row.day())) {
                    case ReserveOutcome.Reserved r ->
                        rows.move(row.id(), "PENDING", "TO_RELEASE", r.financeReservationId(), "not spent");
                    case ReserveOutcome.Refused refused ->
                        rows.move(row.id(), "PENDING", "REFUSED", null, refused.reason());
                }
            }
        }
        for (Row row : rows.of(campaignId, day)) {
            if ("TO_COMMIT".equals(row.status())) {
                try {
                    finance.commit(row.financeReservationId());
                    rows.move(row.id(), "TO_COMMIT", "COMMITTED", null, null);
                } catch (SettlementRefusedException refused) {
                    refusedToCommit(row, refused.reason());
                }
            }
        }
        for (Row row : rows.of(campaignId, day)) {
            if ("TO_SETTLE".equals(row.status()) && settlementCommitted(row.id(), campaignId, day)) {
                rows.move(row.id(), "TO_SETTLE", "TO_RELEASE", null, "settled exactly");
            }
        }
        for (Row row : rows.of(campaignId, day)) {
            if ("TO_RELEASE".equals(row.status())) {
                try {
                    finance.release(row.financeReservationId());
                    rows.move(row.id(), "TO_RELEASE", "RELEASED", null, null);
                } catch (SettlementRefusedException refused) {
                    setAsideForAPerson(row, "TO_RELEASE", "release", refused.reason());
                }
            }
        }
        Set<String> open = Set.of("PENDING", "TO_COMMIT", "TO_SETTLE", "TO_RELEASE");
        boolean done = rows.of(campaignId, day).stream().noneMatch(r -> open.contains(r.status()));
        if (done) {
            // spend recorded while this settlement ran opens the allowance again, for the next pass to settle
            tx.executeWithoutResult(s -> jdbc.update(
                    "UPDATE ad_spend_allowances SET reserved = GREATEST(?, spent), status = CASE WHEN spent >"
                            + " COALESCE(settling_spent, spent) THEN 'OPEN' ELSE 'SETTLED' END, updated_at = ?"
                            + " WHERE campaign_id = ? AND day = ? AND status = 'SETTLING'",
                    committedAmount(campaignId, day),
                    Timestamp.from(clock.instant()),
                    campaignId,
                    day));
        }
    }

    /**
     * The exact settlement of a partly spent tranche that finance refused to commit is given up as one it had no room
     * for: the tranche is committed whole, and the settlement's own reservation is released, since finance still
     * holds its amount out of the budget until it is (a release of one it already let go changes nothing there).
     * Any other row is set aside for a person.
     */
    private void refusedToCommit(Row row, String reason) {
        if (!"SETTLEMENT".equals(row.kind())) {
            setAsideForAPerson(row, "TO_COMMIT", "commit", reason);
            return;
        }
        log.warn(
                "finance refused to commit the exact settlement {} of campaign {} on {}, its tranche is committed"
                        + " whole: {}",
                row.id(),
                row.campaignId(),
                row.day(),
                reason);
        tx.executeWithoutResult(s -> {
            rows.move(row.id(), "TO_COMMIT", "TO_RELEASE", null, "commit refused: " + reason);
            rows.move(
                    row.settles(),
                    "TO_SETTLE",
                    "TO_COMMIT",
                    null,
                    "committed whole: finance refused to commit the exact settlement of " + row.amount() + " (" + reason
                            + ")");
        });
    }

    /**
     * Finance refused to commit or release the row's reservation: asking again gets the same answer, and whether
     * the money is spent, held or back in the budget at finance is for a person to find out there. The row leaves
     * the settlement, so the day settles without it (see {@link RefusedSettlements}); a person who has put finance
     * right marks it COMMITTED or RELEASED.
     */
    private void setAsideForAPerson(Row row, String from, String action, String reason) {
        log.error(
                "finance refused to {} the {} {} {} of campaign {} on {} (reservation {}), left to a person: {}",
                action,
                row.kind().toLowerCase(java.util.Locale.ROOT),
                row.amount(),
                row.currency(),
                row.campaignId(),
                row.day(),
                row.financeReservationId(),
                reason);
        rows.move(row.id(), from, NEEDS_PERSON, null, action + " refused: " + reason);
    }

    private boolean settlementCommitted(UUID trancheId, UUID campaignId, LocalDate day) {
        return rows.of(campaignId, day).stream()
                .anyMatch(r -> trancheId.equals(r.settles()) && "COMMITTED".equals(r.status()));
    }

    private BigDecimal committedAmount(UUID campaignId, LocalDate day) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM ad_budget_reservations WHERE campaign_id = ? AND day = ?"
                        + " AND status = 'COMMITTED'",
                BigDecimal.class,
                campaignId,
                day);
    }

    private List<OpenAllowance> openAllowances() {
        return jdbc.query(
                "SELECT campaign_id, day, status FROM ad_spend_allowances WHERE status IN ('OPEN', 'SETTLING')"
                        + " ORDER BY day, campaign_id",
                (rs, n) -> new OpenAllowance(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getObject("day", LocalDate.class),
                        rs.getString("status")));
    }

    private record OpenAllowance(UUID campaignId, LocalDate day, String status) {}

    private static String purpose(Row row) {
        return "ad spend, campaign " + row.campaignId() + ", " + row.day() + " ("
                + row.kind().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}

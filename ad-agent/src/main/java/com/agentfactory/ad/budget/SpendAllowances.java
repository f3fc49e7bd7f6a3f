package com.agentfactory.ad.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The local side of a campaign's daily allowance. Spending is one conditional UPDATE on the allowance row: the
 * database serialises concurrent spends of one campaign on its row lock, and the condition (open, spent + cost
 * within reserved) is checked on the row as it is after any concurrent spend committed. An in-memory counter would
 * be faster but would need its own flush and could lose spend on a crash; one UPDATE per won impression is far
 * below what PostgreSQL sustains.
 *
 * <p>A won impression is owed to the exchange even when the allowance cannot cover it: the bid path caps bids
 * against a view of the allowance that concurrent wins outrun. Such spend is recorded beyond what was reserved and
 * also kept in {@code overspent}. Nothing is left to spend then, so the campaign bids no more until the keeper
 * reserves a tranche that covers it, which it cannot once the day's budget is reserved: then the campaign stops
 * for the day. Settling the day records at finance, as spent, whatever the tranches do not cover.
 */
@Repository
public class SpendAllowances {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SpendAllowances(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** When {@link #today()} began: what a campaign used before it counts towards another day's allowance. */
    public Instant todayStart() {
        return today().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Spends {@code cost} from the day's allowance of the campaign, in the caller's transaction.
     *
     * @return false, spending nothing, when the allowance is missing, being settled or too small
     */
    public boolean spend(UUID campaignId, LocalDate day, BigDecimal cost) {
        return jdbc.update(
                        "UPDATE ad_spend_allowances SET spent = spent + ?, updated_at = ? WHERE campaign_id = ?"
                                + " AND day = ? AND status = 'OPEN' AND spent + ? <= reserved",
                        cost,
                        java.sql.Timestamp.from(clock.instant()),
                        campaignId,
                        day,
                        cost)
                == 1;
    }

    /**
     * Records {@code cost} as spent on the day although the allowance could not cover it, in the caller's
     * transaction: on the day's allowance as it is, created when the day has none. An allowance already settled is
     * opened again, and one being settled is settled again once that settlement is done, so that the keeper settles
     * this spend with finance too.
     */
    public void overspend(UUID campaignId, LocalDate day, String currency, BigDecimal cost) {
        jdbc.update(
                "INSERT INTO ad_spend_allowances AS a (campaign_id, day, currency, reserved, spent, overspent, status,"
                        + " updated_at) VALUES (?, ?, ?, 0, ?, ?, 'OPEN', ?) ON CONFLICT (campaign_id, day) DO UPDATE"
                        + " SET spent = a.spent + EXCLUDED.spent, overspent = a.overspent + EXCLUDED.overspent,"
                        + " status = CASE WHEN a.status = 'SETTLED' THEN 'OPEN' ELSE a.status END,"
                        + " updated_at = EXCLUDED.updated_at",
                campaignId,
                day,
                currency,
                cost,
                cost,
                java.sql.Timestamp.from(clock.instant()));
    }

    /** Today's allowance of every campaign that has one: what is left to spend and what was spent. */
    public Map<UUID, Allowance> todays() {
        return jdbc
                .query(
                        "SELECT campaign_id, reserved, spent, overspent, status, generation FROM ad_spend_allowances"
                                + " WHERE day = ?",
                        (rs, n) -> new Allowance(
                                rs.getObject("campaign_id", UUID.class),
                                rs.getBigDecimal("reserved"),
                                rs.getBigDecimal("spent"),
                                rs.getBigDecimal("overspent"),
                                rs.getString("status"),
                                rs.getLong("generation")),
                        today())
                .stream()
                .collect(Collectors.toMap(Allowance::campaignId, a -> a));
    }

    /**
     * What each campaign with an allowance today has already used of its daily budget: reserved from finance (a
     * tranche still being asked for included, since finance may yet grant it) or spent, whichever is more. It is
     * money the campaign keeps whatever daily budget it is given from now on.
     */
    public Map<UUID, BigDecimal> usedToday() {
        LocalDate today = today();
        Map<UUID, BigDecimal> used = new HashMap<>();
        jdbc.query(
                "SELECT a.campaign_id, GREATEST(a.reserved + COALESCE(p.asked, 0), a.spent) AS used"
                        + " FROM ad_spend_allowances a LEFT JOIN (SELECT campaign_id, SUM(amount) AS asked"
                        + " FROM ad_budget_reservations WHERE day = ? AND kind = 'TRANCHE' AND status = 'PENDING'"
                        + " GROUP BY campaign_id) p ON p.campaign_id = a.campaign_id WHERE a.day = ?",
                rs -> {
                    used.put(rs.getObject("campaign_id", UUID.class), rs.getBigDecimal("used"));
                },
                today,
                today);
        return used;
    }

    List<Allowance> forCampaign(UUID campaignId) {
        return jdbc.query(
                "SELECT campaign_id, reserved, spent, overspent, status, generation FROM ad_spend_allowances"
                        + " WHERE campaign_id = ?",
                (rs, n) -> new Allowance(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getBigDecimal("reserved"),
                        rs.getBigDecimal("spent"),
                        rs.getBigDecimal("overspent"),
                        rs.getString("status"),
                        rs.getLong("generation")),
                campaignId);
    }

    /**
     * @param overspent what was spent beyond the allowance (see {@link #overspend})
     * @param status OPEN (spendable), SETTLING (being settled with finance) or SETTLED
     * @param generation raised by each settlement: a lease of an older generation was granted before it
     */
    public record Allowance(
            UUID campaignId,
            BigDecimal reserved,
            BigDecimal spent,
            BigDecimal overspent,
            String status,
            long generation) {

        /** Nothing while more was spent than reserved: the campaign bids again only once a tranche covers it. */
        public BigDecimal remaining() {
            return "OPEN".equals(status) ? reserved.subtract(spent).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        }
    }
}

package com.agentfactory.ad.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The local side of a campaign's daily allowance. Spending is one conditional UPDATE on the allowance row: the
 * database serialises concurrent spends of one campaign on its row lock, and the condition (open, spent + cost
 * within reserved) is checked on the row as it is after any concurrent spend committed, so the sum of what is
 * spent never exceeds what finance reserved. An in-memory counter would be faster but would need its own flush
 * and could lose spend on a crash; one UPDATE per won impression is far below what PostgreSQL sustains.
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

    /**
     * Spends {@code cost} from today's allowance of the campaign, in the caller's transaction.
     *
     * @return false, spending nothing, when the allowance is missing, being settled or too small
     */
    public boolean spend(UUID campaignId, BigDecimal cost) {
        return jdbc.update(
                        "UPDATE ad_spend_allowances SET spent = spent + ?, updated_at = ? WHERE campaign_id = ?"
                                + " AND day = ? AND status = 'OPEN' AND spent + ? <= reserved",
                        cost,
                        java.sql.Timestamp.from(clock.instant()),
                        campaignId,
                        today(),
                        cost)
                == 1;
    }

    /** Today's allowance of every campaign that has one: what is left to spend and what was spent. */
    public Map<UUID, Allowance> todays() {
        return jdbc
                .query(
                        "SELECT campaign_id, reserved, spent, status FROM ad_spend_allowances WHERE day = ?",
                        (rs, n) -> new Allowance(
                                rs.getObject("campaign_id", UUID.class),
                                rs.getBigDecimal("reserved"),
                                rs.getBigDecimal("spent"),
                                rs.getString("status")),
                        today())
                .stream()
                .collect(Collectors.toMap(Allowance::campaignId, a -> a));
    }

    List<Allowance> forCampaign(UUID campaignId) {
        return jdbc.query(
                "SELECT campaign_id, reserved, spent, status FROM ad_spend_allowances WHERE campaign_id = ?",
                (rs, n) -> new Allowance(
                        rs.getObject("campaign_id", UUID.class),
                        rs.getBigDecimal("reserved"),
                        rs.getBigDecimal("spent"),
                        rs.getString("status")),
                campaignId);
    }

    /** @param status OPEN (spendable), SETTLING (being settled with finance) or SETTLED */
    public record Allowance(UUID campaignId, BigDecimal reserved, BigDecimal spent, String status) {

        public BigDecimal remaining() {
            return "OPEN".equals(status) ? reserved.subtract(spent) : BigDecimal.ZERO;
        }
    }
}

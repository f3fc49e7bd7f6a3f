package com.agentfactory.ad.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shares of a day's allowance the agent's replicas may promise in bids, one lease per campaign, day and replica.
 * Each replica bids from memory against its own lease only, so the bids of all replicas together promise at most
 * what the leases hold, and a lease is granted only from what the allowance has left beyond every lease in force.
 * Granting locks the allowance row, as spending does, so two replicas never both lease the same money. A lease in
 * force is one not yet expired; a crashed replica's lease therefore returns to the others without anyone sweeping.
 * Giving back and a win's cost only lower a lease, which can only leave more room to the others: they take no lock.
 *
 * <p>A lease is of the allowance's generation it was granted in. Settling the allowance starts a new generation and
 * keeps the leases: their owners may bid on them from views read before, until they next refresh, so they go on
 * counting against what the allowance has free while in force. An owner finding its lease of an older generation
 * bids on it no more and keeps of it only what its bids may still cost (see {@link #topUp}).
 */
@Repository
class AllowanceLeases {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    AllowanceLeases(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * @param amount what the replica may still promise, in the allowance's currency
     * @param generation the allowance's generation it was granted or last topped up in
     */
    record Lease(UUID campaignId, BigDecimal amount, Instant expiresAt, long generation) {}

    /** The replica's leases of the day, in force or not. */
    Map<UUID, Lease> of(String replica, LocalDate day) {
        Map<UUID, Lease> leases = new HashMap<>();
        jdbc.query(
                "SELECT campaign_id, amount, expires_at, generation FROM ad_allowance_leases WHERE replica = ?"
                        + " AND day = ?",
                rs -> {
                    UUID id = rs.getObject("campaign_id", UUID.class);
                    leases.put(
                            id,
                            new Lease(
                                    id,
                                    rs.getBigDecimal("amount"),
                                    rs.getTimestamp("expires_at").toInstant(),
                                    rs.getLong("generation")));
                },
                replica,
                day);
        return leases;
    }

    /**
     * What the leases in force of the day hold together, per campaign leased.
     */
    Map<UUID, BigDecimal> inForce(LocalDate day, Instant now) {
        Map<UUID, BigDecimal> leased = new HashMap<>();
        jdbc.query(
                "SELECT campaign_id, sum(amount) AS leased FROM ad_allowance_leases WHERE day = ? AND expires_at > ?"
                        + " GROUP BY campaign_id",
                rs -> {
                    leased.put(rs.getObject("campaign_id", UUID.class), rs.getBigDecimal("leased"));
                },
                day,
                Timestamp.from(now));
        return leased;
    }

    /**
     * Adds up to {@code more} to the replica's lease, as much as the open allowance has left beyond every lease in
     * force, and keeps the lease in force until {@code expiresAt}. A lease of the replica that expired was counted by
     * nobody since, so it starts again from what is granted now.
     *
     * <p>When the leases in force hold more than the allowance has left (spend recorded against no lease, such as a
     * win that came after its claim was no longer held), the replica's lease is lowered by that much instead, down to
     * {@code claimed}: what its own bids may still cost is promised already, and counted in no lease the other
     * replicas could be granted it again. The first replica to renew gives up the difference; the others then find
     * the leases within the allowance again.
     *
     * <p>A lease of an older generation than the allowance's was granted before a settlement, from money that
     * settlement gave back: it keeps only {@code claimed} of it, counted like any lease, and is topped up from there
     * in the allowance's generation.
     *
     * @param claimed what the replica's bids whose wins may still come could cost, taken from its lease
     * @return the lease as it is now; empty when the allowance is not open, or nothing was granted to a replica
     *     holding no lease in force
     */
    Optional<Lease> topUp(
            UUID campaignId,
            LocalDate day,
            String replica,
            BigDecimal more,
            BigDecimal claimed,
            Instant now,
            Instant expiresAt) {
        return tx.execute(s -> {
            List<Map<String, Object>> allowance = jdbc.queryForList(
                    "SELECT reserved - spent AS remaining, generation FROM ad_spend_allowances WHERE campaign_id = ?"
                            + " AND day = ? AND status = 'OPEN' FOR UPDATE",
                    campaignId,
                    day);
            if (allowance.isEmpty()) {
                return Optional.<Lease>empty();
            }
            long generation = ((Number) allowance.getFirst().get("generation")).longValue();
            // read after the row lock: every lease granted before is committed and counted here
            BigDecimal leased = BigDecimal.ZERO;
            BigDecimal own = null;
            for (var lease : jdbc.queryForList(
                    "SELECT replica, amount, generation FROM ad_allowance_leases WHERE campaign_id = ? AND day = ?"
                            + " AND expires_at > ?",
                    campaignId,
                    day,
                    Timestamp.from(now))) {
                BigDecimal amount = (BigDecimal) lease.get("amount");
                if (replica.equals(lease.get("replica"))) {
                    if (((Number) lease.get("generation")).longValue() != generation) {
                        // what the bids on it may still cost is promised already; the rest went with the settlement
                        amount = amount.min(claimed);
                    }
                    own = amount;
                }
                leased = leased.add(amount);
            }
            BigDecimal free = ((BigDecimal) allowance.getFirst().get("remaining")).subtract(leased);
            BigDecimal granted = more.min(free).max(BigDecimal.ZERO).setScale(6, RoundingMode.DOWN);
            if (own == null && granted.signum() == 0) {
                return Optional.<Lease>empty();
            }
            BigDecimal amount = (own == null ? BigDecimal.ZERO : own).add(granted);
            if (own != null && free.signum() < 0) {
                // never raised by this: a lease lower than its bids' claims stays as it is
                amount = own.add(free).max(claimed.min(own));
            }
            jdbc.update(
                    "INSERT INTO ad_allowance_leases (campaign_id, day, replica, amount, expires_at, updated_at,"
                            + " generation) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, day, replica)"
                            + " DO UPDATE SET amount = EXCLUDED.amount, expires_at = EXCLUDED.expires_at,"
                            + " updated_at = EXCLUDED.updated_at, generation = EXCLUDED.generation",
                    campaignId,
                    day,
                    replica,
                    amount,
                    Timestamp.from(expiresAt),
                    Timestamp.from(now),
                    generation);
            return Optional.of(new Lease(campaignId, amount, expiresAt, generation));
        });
    }

    /**
     * Gives {@code amount} of the lease back and, given {@code expiresBy}, lets the rest expire by then at the latest.
     *
     * @param amount what the replica took out of its own bidding first, so that no bid can still claim it
     * @param generation the generation of the lease it was taken from: only that lease is lowered
     * @param expiresBy null to leave the lease's time as it is
     */
    void giveBack(
            UUID campaignId,
            LocalDate day,
            String replica,
            BigDecimal amount,
            long generation,
            Instant expiresBy,
            Instant now) {
        jdbc.update(
                "UPDATE ad_allowance_leases SET amount = GREATEST(amount - ?, 0),"
                        + " expires_at = LEAST(expires_at, COALESCE(?, expires_at)), updated_at = ?"
                        + " WHERE campaign_id = ? AND day = ? AND replica = ? AND generation = ?",
                amount,
                expiresBy == null ? null : Timestamp.from(expiresBy),
                Timestamp.from(now),
                campaignId,
                day,
                replica,
                generation);
    }

    /** Forgets the leases of days before {@code day} that have expired: nothing is promised from them any more. */
    void forgetBefore(LocalDate day, Instant now) {
        jdbc.update("DELETE FROM ad_allowance_leases WHERE day < ? AND expires_at < ?", day, Timestamp.from(now));
    }

    /**
     * Takes a won impression's cost off the lease its bid was promised from, in the caller's transaction: the cost
     * is now in the allowance's spent, and counted in the lease too it would keep that much from every replica.
     * Whatever the lease's generation: one leased afresh after a settlement kept what the bids on the one before may
     * still cost, so their wins are counted against it, once. A win whose claim was no longer held (see
     * {@link ClaimHold}) comes off the lease the same way: its claim went back to the lease's bids when the hold
     * ended, and now the cost leaves the lease and the allowance together.
     */
    void spent(UUID campaignId, LocalDate day, String replica, BigDecimal cost) {
        jdbc.update(
                "UPDATE ad_allowance_leases SET amount = GREATEST(amount - ?, 0) WHERE campaign_id = ? AND day = ?"
                        + " AND replica = ?",
                cost,
                campaignId,
                day,
                replica);
    }
}

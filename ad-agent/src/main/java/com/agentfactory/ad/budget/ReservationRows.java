package com.agentfactory.ad.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The reservations asked of finance, one row each, written before finance is called. Its status says what is left
 * to do with finance, so whatever a crash interrupted is done on the next pass, with the same keys and ids:
 * PENDING (ask, or ask again), RESERVED (spendable), REFUSED (a refused tranche with the time its campaign may ask
 * again), TO_COMMIT, TO_SETTLE (a partly spent tranche waiting
 * for its exact settlement), TO_RELEASE, COMMITTED, RELEASED.
 */
@Repository
class ReservationRows {

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getObject("id", UUID.class),
            rs.getObject("campaign_id", UUID.class),
            rs.getObject("day", LocalDate.class),
            rs.getString("kind"),
            rs.getBigDecimal("amount"),
            rs.getString("currency"),
            rs.getString("status"),
            rs.getObject("finance_reservation_id", UUID.class),
            rs.getObject("settles", UUID.class));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReservationRows(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(
            UUID id,
            UUID campaignId,
            LocalDate day,
            String kind,
            BigDecimal amount,
            String currency,
            String status,
            UUID financeReservationId,
            UUID settles) {}

    void insert(
            UUID id, UUID campaignId, LocalDate day, String kind, BigDecimal amount, String currency, UUID settles) {
        jdbc.update(
                "INSERT INTO ad_budget_reservations (id, campaign_id, day, kind, amount, currency, status, settles,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                id,
                campaignId,
                day,
                kind,
                amount,
                currency,
                settles,
                now(),
                now());
    }

    /** Moves a row on only from the status it was read in, so two passes never both act on one step. */
    boolean move(UUID id, String from, String to, UUID financeId, String detail) {
        return jdbc.update(
                        "UPDATE ad_budget_reservations SET status = ?, finance_reservation_id = COALESCE(?,"
                                + " finance_reservation_id), detail = COALESCE(?, detail), updated_at = ?"
                                + " WHERE id = ? AND status = ?",
                        to,
                        financeId,
                        detail,
                        now(),
                        id,
                        from)
                == 1;
    }

    List<Row> of(UUID campaignId, LocalDate day) {
        return jdbc.query(
                "SELECT * FROM ad_budget_reservations WHERE campaign_id = ? AND day = ? ORDER BY created_at, id",
                ROW,
                campaignId,
                day);
    }

    Optional<Row> find(UUID id) {
        return jdbc.query("SELECT * FROM ad_budget_reservations WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    /**
     * A tranche finance refused: its status with the time it may be asked again, and how many tranches of the day
     * finance refused in a row, this one included (since it last reserved one).
     */
    int refuse(UUID id, String detail, IntFunction<Instant> retryAfter) {
        Row row = find(id).orElseThrow();
        if (!move(id, "PENDING", "REFUSED", null, detail)) {
            return 0;
        }
        Integer inARow = jdbc.queryForObject(
                "SELECT count(*) FROM ad_budget_reservations WHERE campaign_id = ? AND day = ? AND kind = 'TRANCHE'"
                        + " AND status = 'REFUSED' AND created_at > COALESCE((SELECT max(created_at) FROM"
                        + " ad_budget_reservations WHERE campaign_id = ? AND day = ? AND kind = 'TRANCHE' AND status NOT"
                        + " IN ('REFUSED', 'PENDING')), '-infinity'::timestamptz)",
                Integer.class,
                row.campaignId(),
                row.day(),
                row.campaignId(),
                row.day());
        int refusals = inARow == null ? 1 : Math.max(1, inARow);
        jdbc.update(
                "UPDATE ad_budget_reservations SET retry_after = ? WHERE id = ?",
                Timestamp.from(retryAfter.apply(refusals)),
                id);
        return refusals;
    }

    /**
     * Until when the campaign's funding for the day is held back: the retry time of its newest tranche when finance
     * refused that one, else empty.
     */
    Optional<Instant> refusedUntil(UUID campaignId, LocalDate day) {
        return jdbc
                .query(
                        "SELECT status, retry_after FROM ad_budget_reservations WHERE campaign_id = ? AND day = ?"
                                + " AND kind = 'TRANCHE' ORDER BY created_at DESC, id DESC LIMIT 1",
                        (rs, n) -> "REFUSED".equals(rs.getString("status")) && rs.getTimestamp("retry_after") != null
                                ? Optional.of(rs.getTimestamp("retry_after").toInstant())
                                : Optional.<Instant>empty(),
                        campaignId,
                        day)
                .stream()
                .findFirst()
                .flatMap(until -> until);
    }

    boolean hasPendingTranche(UUID campaignId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM ad_budget_reservations WHERE campaign_id = ? AND kind = 'TRANCHE'"
                        + " AND status = 'PENDING')",
                Boolean.class,
                campaignId));
    }

    List<Row> pendingTranchesOfOpenAllowances() {
        return jdbc.query(
                "SELECT r.* FROM ad_budget_reservations r JOIN ad_spend_allowances a ON a.campaign_id = r.campaign_id"
                        + " AND a.day = r.day WHERE r.kind = 'TRANCHE' AND r.status = 'PENDING' AND a.status = 'OPEN'"
                        + " ORDER BY r.created_at",
                ROW);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

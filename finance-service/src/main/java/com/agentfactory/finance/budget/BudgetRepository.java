package com.agentfactory.finance.budget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

@Repository
class BudgetRepository {

    private static final String BUDGET_COLUMNS = "id, department, fiscal_period, currency, allocated_amount,"
            + " committed_amount, spent_amount, unbudgeted_amount, warning_threshold, critical_threshold, alerts_enabled, created_at,"
            + " updated_at";
    private static final String RESERVATION_COLUMNS = "id, budget_id, amount, currency, purpose, requested_by, status,"
            + " transaction_id, created_at, resolved_at, idempotency_key, spent_on, unbudgeted, attributed_agent, channel,"
            + " expires_at, reserved_by";
    /** The same columns of {@code budget_reservations r}, for queries that join it to its budget. */
    private static final String RESERVATION_COLUMNS_OF_R = "r." + String.join(", r.", RESERVATION_COLUMNS.split(", "));

    private final JdbcTemplate jdbc;

    BudgetRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the department already has a budget for the period. */
    boolean insertIfAbsent(Budget budget) {
        return jdbc.update(
                        "INSERT INTO budgets (id, department, fiscal_period, currency, allocated_amount,"
                                + " warning_threshold, critical_threshold, alerts_enabled, created_at, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT ON CONSTRAINT budgets_department_period_key DO NOTHING",
                        budget.id(),
                        budget.department(),
                        budget.fiscalPeriod(),
                        budget.currency(),
                        budget.allocated(),
                        budget.warningThreshold(),
                        budget.criticalThreshold(),
                        budget.alertsEnabled(),
                        Timestamp.from(budget.createdAt()),
                        Timestamp.from(budget.updatedAt()))
                == 1;
    }

    Optional<Budget> find(String department, String fiscalPeriod) {
        return jdbc
                .query(
                        "SELECT " + BUDGET_COLUMNS + " FROM budgets WHERE department = ? AND fiscal_period = ?",
                        this::mapBudget,
                        department,
                        fiscalPeriod)
                .stream()
                .findFirst();
    }

    /** Locks the budget row until commit: every change to a budget's usage is serialised behind this lock. */
    Optional<Budget> lock(String department, String fiscalPeriod) {
        return jdbc
                .query(
                        "SELECT " + BUDGET_COLUMNS
                                + " FROM budgets WHERE department = ? AND fiscal_period = ? FOR UPDATE",
                        this::mapBudget,
                        department,
                        fiscalPeriod)
                .stream()
                .findFirst();
    }

    Optional<Budget> lockById(UUID id) {
        return jdbc
                .query("SELECT " + BUDGET_COLUMNS + " FROM budgets WHERE id = ? FOR UPDATE", this::mapBudget, id)
                .stream()
                .findFirst();
    }

    void updateSettings(Budget budget) {
        jdbc.update(
                "UPDATE budgets SET allocated_amount = ?, warning_threshold = ?, critical_threshold = ?,"
                        + " alerts_enabled = ?, updated_at = ? WHERE id = ?",
                budget.allocated(),
                budget.warningThreshold(),
                budget.criticalThreshold(),
                budget.alertsEnabled(),
                // the service's clock, not the database's: the time it answers is the time a later read shows
                Timestamp.from(budget.updatedAt()),
                budget.id());
    }

    void updateUsage(Budget budget) {
        jdbc.update(
                "UPDATE budgets SET committed_amount = ?, spent_amount = ?, unbudgeted_amount = ?, updated_at = ?"
                        + " WHERE id = ?",
                budget.committed(),
                budget.spent(),
                budget.unbudgeted(),
                Timestamp.from(budget.updatedAt()),
                budget.id());
    }

    void insertReservation(Reservation reservation) {
        jdbc.update(
                "INSERT INTO budget_reservations (id, budget_id, amount, currency, purpose, requested_by, status,"
                        + " created_at, idempotency_key, spent_on, unbudgeted, attributed_agent, channel, expires_at,"
                        + " reserved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                reservation.id(),
                reservation.budgetId(),
                reservation.amount(),
                reservation.currency(),
                reservation.purpose(),
                reservation.requestedBy(),
                reservation.status().wireName(),
                Timestamp.from(reservation.createdAt()),
                reservation.idempotencyKey(),
                reservation.spentOn(),
                reservation.unbudgeted(),
                reservation.attributedAgent(),
                reservation.channel(),
                reservation.expiresAt() == null ? null : Timestamp.from(reservation.expiresAt()),
                reservation.reservedBy());
    }

    /**
     * Waits for any other transaction reserving with the same key in the department; released at commit. A
     * PostgreSQL advisory lock, because what is locked is a key that has no row yet, and may get it in any month.
     */
    void lockIdempotencyKey(String department, String idempotencyKey) {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                (RowCallbackHandler) row -> {},
                "budget-reservation:" + department + ":" + idempotencyKey);
    }

    /** In any of the department's fiscal months: a retry may arrive in the month after its first attempt. */
    Optional<Reservation> findReservationByKey(String department, String idempotencyKey) {
        return jdbc
                .query(
                        "SELECT " + RESERVATION_COLUMNS
                                + " FROM budget_reservations WHERE idempotency_key = ?"
                                + " AND budget_id IN (SELECT id FROM budgets WHERE department = ?)"
                                + " ORDER BY created_at LIMIT 1",
                        this::mapReservation,
                        idempotencyKey,
                        department)
                .stream()
                .findFirst();
    }

    Optional<Budget> findById(UUID id) {
        return jdbc.query("SELECT " + BUDGET_COLUMNS + " FROM budgets WHERE id = ?", this::mapBudget, id).stream()
                .findFirst();
    }

    Optional<Reservation> findReservation(UUID id) {
        return jdbc
                .query(
                        "SELECT " + RESERVATION_COLUMNS + " FROM budget_reservations WHERE id = ?",
                        this::mapReservation,
                        id)
                .stream()
                .findFirst();
    }

    void resolveReservation(UUID id, ReservationStatus status, UUID transactionId, Instant resolvedAt) {
        jdbc.update(
                "UPDATE budget_reservations SET status = ?, transaction_id = ?, resolved_at = ? WHERE id = ?",
                status.wireName(),
                transactionId,
                Timestamp.from(resolvedAt),
                id);
    }

    /**
     * One page of the department's reservations, oldest first: of one fiscal month or of all when {@code
     * fiscalPeriod} is null, of one status or of all when {@code status} is null.
     */
    List<Reservation> reservations(
            String department, String fiscalPeriod, ReservationStatus status, long offset, int limit) {
        String wireStatus = status == null ? null : status.wireName();
        return jdbc.query(
                "SELECT " + RESERVATION_COLUMNS_OF_R
                        + " FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                        + " WHERE b.department = ? AND (?::text IS NULL OR b.fiscal_period = ?)"
                        + " AND (?::text IS NULL OR r.status = ?)"
                        + " ORDER BY r.created_at, r.id LIMIT ? OFFSET ?",
                this::mapReservation,
                department,
                fiscalPeriod,
                fiscalPeriod,
                wireStatus,
                wireStatus,
                limit,
                offset);
    }

    long countReservations(String department, String fiscalPeriod, ReservationStatus status) {
        String wireStatus = status == null ? null : status.wireName();
        return jdbc.queryForObject(
                "SELECT count(*) FROM budget_reservations r JOIN budgets b ON b.id = r.budget_id"
                        + " WHERE b.department = ? AND (?::text IS NULL OR b.fiscal_period = ?)"
                        + " AND (?::text IS NULL OR r.status = ?)",
                Long.class,
                department,
                fiscalPeriod,
                fiscalPeriod,
                wireStatus,
                wireStatus);
    }

    List<Budget> findByIds(Collection<UUID> ids) {
        return jdbc.query("SELECT " + BUDGET_COLUMNS + " FROM budgets WHERE id = ANY(?)", this::mapBudget, (Object)
                ids.toArray(UUID[]::new));
    }

    /**
     * Locks up to {@code limit} budgets holding a reservation whose hold ended by {@code now}, skipping budgets another
     * transaction holds (a request changing it, another instance's sweep): they are taken by a later sweep. The
     * budget row is locked before its reservations are touched, in the order every request takes them.
     */
    List<Budget> lockBudgetsWithExpiredReservations(Instant now, int limit) {
        return jdbc.query(
                "SELECT " + BUDGET_COLUMNS + " FROM budgets WHERE id IN (SELECT budget_id FROM budget_reservations"
                        + " WHERE status = 'reserved' AND expires_at <= ?)"
                        + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                this::mapBudget,
                Timestamp.from(now),
                limit);
    }

    /** The budget's reservations still held whose hold ended by {@code now}; read under the budget's lock. */
    List<Reservation> expiredReservations(UUID budgetId, Instant now) {
        return jdbc.query(
                "SELECT " + RESERVATION_COLUMNS + " FROM budget_reservations"
                        + " WHERE budget_id = ? AND status = 'reserved' AND expires_at <= ? ORDER BY expires_at, id",
                this::mapReservation,
                budgetId,
                Timestamp.from(now));
    }

    void insertAlert(BudgetAlert alert) {
        jdbc.update(
                "INSERT INTO budget_alerts (id, budget_id, level, threshold, utilisation, used_amount,"
                        + " allocated_amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                alert.id(),
                alert.budgetId(),
                alert.level(),
                alert.threshold(),
                alert.utilisation(),
                alert.usedAmount(),
                alert.allocatedAmount(),
                Timestamp.from(alert.createdAt()));
    }

    List<BudgetAlert> alerts(String department, String fiscalPeriod) {
        return jdbc.query(
                "SELECT a.id, a.budget_id, b.department, b.fiscal_period, a.level, a.threshold, a.utilisation,"
                        + " a.used_amount, a.allocated_amount, b.currency, a.created_at"
                        + " FROM budget_alerts a JOIN budgets b ON b.id = a.budget_id"
                        + " WHERE b.department = ? AND (?::text IS NULL OR b.fiscal_period = ?)"
                        + " ORDER BY a.created_at, a.id",
                (rs, row) -> new BudgetAlert(
                        rs.getObject("id", UUID.class),
                        rs.getObject("budget_id", UUID.class),
                        rs.getString("department"),
                        rs.getString("fiscal_period"),
                        rs.getString("level"),
                        rs.getBigDecimal("threshold"),
                        rs.getBigDecimal("utilisation"),
                        rs.getBigDecimal("used_amount"),
                        rs.getBigDecimal("allocated_amount"),
                        rs.getString("currency"),
                        instant(rs.getTimestamp("created_at"))),
                department,
                fiscalPeriod,
                fiscalPeriod);
    }

    private Budget mapBudget(ResultSet rs, int row) throws SQLException {
        return new Budget(
                rs.getObject("id", UUID.class),
                rs.getString("department"),
                rs.getString("fiscal_period"),
                rs.getString("currency"),
                rs.getBigDecimal("allocated_amount"),
                rs.getBigDecimal("committed_amount"),
                rs.getBigDecimal("spent_amount"),
                rs.getBigDecimal("unbudgeted_amount"),
                rs.getBigDecimal("warning_threshold"),
                rs.getBigDecimal("critical_threshold"),
                rs.getBoolean("alerts_enabled"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private Reservation mapReservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(
                rs.getObject("id", UUID.class),
                rs.getObject("budget_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("purpose"),
                rs.getString("requested_by"),
                ReservationStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("transaction_id", UUID.class),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("resolved_at")),
                rs.getString("idempotency_key"),
                rs.getObject("spent_on", java.time.LocalDate.class),
                rs.getBoolean("unbudgeted"),
                // reservations made before the column existed were booked under who asked
                rs.getString("attributed_agent") == null
                        ? rs.getString("requested_by")
                        : rs.getString("attributed_agent"),
                rs.getString("channel"),
                instant(rs.getTimestamp("expires_at")),
                rs.getString("reserved_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package com.agentfactory.finance.budget;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.Amounts;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets and the checks agents make before spending. Every change to a budget's usage first locks its
 * row (SELECT ... FOR UPDATE), so concurrent reservations are decided one after another against the
 * current balance and can never overspend; the table's CHECK backs this up.
 */
@Service
class BudgetService {

    private final BudgetRepository budgets;
    private final TransactionService transactions;
    private final OutboxWriter outbox;
    private final EnvelopeCodec codec;
    private final BudgetProperties properties;
    private final AgentRuntimeProperties agent;
    private final AuditActor auditActor;
    private final Clock clock;
    private final OpenPeriods openPeriods;

    BudgetService(
            BudgetRepository budgets,
            TransactionService transactions,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            BudgetProperties properties,
            AgentRuntimeProperties agent,
            AuditActor auditActor,
            Clock clock) {
        this.budgets = budgets;
        this.transactions = transactions;
        this.outbox = outbox;
        this.codec = codec;
        this.properties = properties;
        this.agent = agent;
        this.auditActor = auditActor;
        this.clock = clock;
        this.openPeriods = new OpenPeriods(clock, properties.closingGrace());
    }

    private String currentPeriod() {
        return openPeriods.currentPeriod();
    }

    /** The month a reservation is made from: its spend day's, else the one it names, else the current one. */
    private String periodOf(CreateReservationRequest request) {
        if (request.spentOn() != null) {
            return OpenPeriods.periodOf(request.spentOn());
        }
        return request.fiscalPeriod() == null ? currentPeriod() : request.fiscalPeriod();
    }

    record Upserted(Budget budget, boolean created) {}

    @Transactional
    Upserted upsert(String department, UpsertBudgetRequest request) {
        auditActor.stamp();
        List<FieldErrorDetail> errors = new ArrayList<>();
        if (!Amounts.isIsoCurrency(request.currency())) {
            errors.add(new FieldErrorDetail("currency", "must be an ISO 4217 currency code"));
        }
        Instant now = clock.instant();
        Budget candidate = new Budget(
                UUID.randomUUID(),
                department,
                request.fiscalPeriod(),
                request.currency(),
                request.allocatedAmount().setScale(2),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                request.warningThreshold() == null ? properties.defaultWarningThreshold() : request.warningThreshold(),
                request.criticalThreshold() == null
                        ? properties.defaultCriticalThreshold()
                        : request.criticalThreshold(),
                request.alertsEnabled() == null || request.alertsEnabled(),
                now,
                now);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The budget is not acceptable.", errors);
        }
        if (budgets.lock(department, request.fiscalPeriod()).isEmpty()) {
            requireOrderedThresholds(candidate.warningThreshold(), candidate.criticalThreshold());
            if (budgets.insertIfAbsent(candidate)) {
                return new Upserted(candidate, true);
            }
        }
        // it exists (or a concurrent request just created it): change it under its lock
        Budget before = budgets.lock(department, request.fiscalPeriod()).orElseThrow();
        if (!before.currency().equals(request.currency())) {
            throw RuleViolationException.of(
                    "currency", "the budget is kept in " + before.currency() + " and cannot change currency");
        }
        Budget after = new Budget(
                before.id(),
                department,
                before.fiscalPeriod(),
                before.currency(),
                request.allocatedAmount().setScale(2),
                before.committed(),
                before.spent(),
                request.warningThreshold() == null ? before.warningThreshold() : request.warningThreshold(),
                request.criticalThreshold() == null ? before.criticalThreshold() : request.criticalThreshold(),
                request.alertsEnabled() == null ? before.alertsEnabled() : request.alertsEnabled(),
                before.createdAt(),
                now);
        requireOrderedThresholds(after.warningThreshold(), after.criticalThreshold());
        if (after.allocated().compareTo(before.used()) < 0) {
            throw new BudgetConflictException("allocated_amount " + after.allocated() + " is below the " + before.used()
                    + " already reserved or spent");
        }
        budgets.updateSettings(after);
        raiseAlerts(before, after);
        return new Upserted(after, false);
    }

    @Transactional(readOnly = true)
    Budget get(String department, String fiscalPeriod) {
        String period = fiscalPeriod == null ? currentPeriod() : fiscalPeriod;
        return budgets.find(department, period).orElseThrow(() -> noBudget(department, period));
    }

    @Transactional(readOnly = true)
    List<BudgetAlert> alerts(String department, String fiscalPeriod) {
        return budgets.alerts(department, fiscalPeriod);
    }

    @Transactional
    ReservationOutcome reserve(String department, CreateReservationRequest request) {
        return reserve(department, request, null);
    }

    /**
     * A reservation that a retry cannot double: a repeated key returns the reservation made the first time, whatever
     * has happened to the budget since, also when the retry comes in a later fiscal month than the first attempt (a
     * request without a period means the current one). A lock on the department's key, taken before anything else,
     * serialises two concurrent requests with the same key, so the second always sees the first one's row: the budget
     * row lock alone does not, as the two may name different months (one without a period, or either side of
     * month-end midnight) and so lock different budgets.
     *
     * <p>A request with {@code spent_on} is made from that day's month, and only while the month is open to its
     * spend ({@link OpenPeriods}); a retry gets its reservation back even after the month closed, since the
     * reservation was admitted while it was open.
     */
    @Transactional
    ReservationOutcome reserve(String department, CreateReservationRequest request, String idempotencyKey) {
        auditActor.stamp();
        if (idempotencyKey != null) {
            budgets.lockIdempotencyKey(department, idempotencyKey);
        }
        String period = periodOf(request);
        var locked = budgets.lock(department, period);
        BigDecimal amount = request.amount().setScale(2);
        if (idempotencyKey != null) {
            var earlier = budgets.findReservationByKey(department, idempotencyKey);
            if (earlier.isPresent()) {
                Reservation first = earlier.get();
                Budget held = locked.filter(budget -> budget.id().equals(first.budgetId()))
                        .or(() -> budgets.findById(first.budgetId()))
                        .orElseThrow();
                return first.sameRequestAs(
                                amount, request.currency(), request.purpose().trim())
                        ? new ReservationOutcome.Reserved(first, held, true)
                        : new ReservationOutcome.Refused(
                                ReservationOutcome.Reason.IDEMPOTENCY_KEY_REUSED,
                                "this Idempotency-Key was used for a different reservation (" + first.amount() + " "
                                        + first.currency() + " for '" + first.purpose() + "')",
                                held.available());
            }
        }
        if (request.spentOn() != null) {
            var refused = refusedSpendDay(
                    request, period, locked.map(Budget::available).orElse(BigDecimal.ZERO));
            if (refused != null) {
                return refused;
            }
        }
        if (locked.isEmpty()) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.NO_BUDGET,
                    noBudget(department, period).getMessage(),
                    BigDecimal.ZERO);
        }
        Budget before = locked.get();
        if (!before.currency().equals(request.currency())) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.CURRENCY_MISMATCH,
                    "the budget is kept in " + before.currency() + ", not " + request.currency(),
                    before.available());
        }
        if (!before.fits(amount)) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.INSUFFICIENT_BUDGET,
                    "requested " + amount + " " + before.currency() + " but only " + before.available()
                            + " is available in " + department + " for " + period,
                    before.available());
        }
        Budget after = before.withUsage(before.committed().add(amount), before.spent(), clock.instant());
        Reservation reservation = new Reservation(
                UUID.randomUUID(),
                before.id(),
                amount,
                before.currency(),
                request.purpose().trim(),
                request.requestedBy().trim(),
                ReservationStatus.RESERVED,
                null,
                clock.instant(),
                null,
                idempotencyKey,
                request.spentOn());
        budgets.updateUsage(after);
        budgets.insertReservation(reservation);
        raiseAlerts(before, after);
        return new ReservationOutcome.Reserved(reservation, after, false);
    }

    /** Spends the reservation: it becomes an expense in the ledger. Committing twice is harmless. */
    @Transactional
    ReservationResponse commit(String department, UUID reservationId) {
        auditActor.stamp();
        Settling s = settling(department, reservationId);
        if (s.reservation().status() == ReservationStatus.COMMITTED) {
            return ReservationResponse.of(s.reservation(), s.budget());
        }
        if (s.reservation().status() == ReservationStatus.RELEASED) {
            throw new BudgetConflictException("reservation " + reservationId + " was released and cannot be spent");
        }
        Reservation r = s.reservation();
        Budget after = s.budget()
                .withUsage(
                        s.budget().committed().subtract(r.amount()),
                        s.budget().spent().add(r.amount()),
                        clock.instant());
        budgets.updateUsage(after);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reservation_id", r.id().toString());
        metadata.put("fiscal_period", after.fiscalPeriod());
        if (r.spentOn() != null) {
            metadata.put("spent_on", r.spentOn().toString());
        }
        UUID transactionId = transactions.recordExpense(
                r.id(),
                r.amount(),
                r.currency(),
                department,
                r.requestedBy(),
                r.purpose(),
                metadata,
                // the day the money was spent on, so the ledger's days and months agree with the budget's month
                r.spentOn() == null
                        ? clock.instant()
                        : r.spentOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        budgets.resolveReservation(r.id(), ReservationStatus.COMMITTED, transactionId);
        return ReservationResponse.of(budgets.findReservation(r.id()).orElseThrow(), after);
    }

    /** Gives the reserved money back. Releasing twice is harmless. */
    @Transactional
    ReservationResponse release(String department, UUID reservationId) {
        auditActor.stamp();
        Settling s = settling(department, reservationId);
        if (s.reservation().status() == ReservationStatus.RELEASED) {
            return ReservationResponse.of(s.reservation(), s.budget());
        }
        if (s.reservation().status() == ReservationStatus.COMMITTED) {
            throw new BudgetConflictException("reservation " + reservationId + " was already spent");
        }
        Budget after = s.budget()
                .withUsage(
                        s.budget().committed().subtract(s.reservation().amount()),
                        s.budget().spent(),
                        clock.instant());
        budgets.updateUsage(after);
        budgets.resolveReservation(reservationId, ReservationStatus.RELEASED, null);
        return ReservationResponse.of(budgets.findReservation(reservationId).orElseThrow(), after);
    }

    /** Why a reservation for spend on {@code request.spentOn()} cannot be made now; null when it can. */
    private ReservationOutcome.Refused refusedSpendDay(
            CreateReservationRequest request, String period, BigDecimal available) {
        LocalDate spentOn = request.spentOn();
        if (request.fiscalPeriod() != null && !request.fiscalPeriod().equals(period)) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.PERIOD_MISMATCH,
                    "fiscal_period " + request.fiscalPeriod() + " is not the month of spent_on " + spentOn + " ("
                            + period + ")",
                    available);
        }
        return switch (openPeriods.of(spentOn)) {
            case OPEN -> null;
            case FUTURE ->
                new ReservationOutcome.Refused(
                        ReservationOutcome.Reason.FUTURE_SPEND,
                        "spent_on " + spentOn + " is after tomorrow (today is " + openPeriods.today()
                                + " UTC); reserve from a later month by its fiscal_period",
                        available);
            case CLOSED ->
                new ReservationOutcome.Refused(
                        ReservationOutcome.Reason.CLOSED_PERIOD,
                        "spent_on " + spentOn + " is in " + period + ", closed to its spend since "
                                + openPeriods.closesAt(spentOn) + "; the current fiscal period is "
                                + openPeriods.currentPeriod(),
                        available);
        };
    }

    private record Settling(Reservation reservation, Budget budget) {}

    private Settling settling(String department, UUID reservationId) {
        Reservation unlocked = budgets.findReservation(reservationId)
                .orElseThrow(() -> new BudgetNotFoundException("no reservation " + reservationId));
        // the budget lock serialises commit and release of the same reservation too
        Budget budget = budgets.lockById(unlocked.budgetId()).orElseThrow();
        if (!budget.department().equals(department)) {
            throw new BudgetNotFoundException("no reservation " + reservationId + " in " + department);
        }
        return new Settling(budgets.findReservation(reservationId).orElseThrow(), budget);
    }

    /** One alert per threshold crossed upwards by this change: staying above a threshold raises nothing new. */
    private void raiseAlerts(Budget before, Budget after) {
        if (!after.alertsEnabled()) {
            return;
        }
        crossing(before, after, "warning", after.warningThreshold());
        crossing(before, after, "critical", after.criticalThreshold());
    }

    private void crossing(Budget before, Budget after, String level, BigDecimal threshold) {
        if (before.reaches(threshold) || !after.reaches(threshold)) {
            return;
        }
        BudgetAlert alert = new BudgetAlert(
                UUID.randomUUID(),
                after.id(),
                after.department(),
                after.fiscalPeriod(),
                level,
                threshold,
                after.utilisation(),
                after.used(),
                after.allocated(),
                after.currency(),
                clock.instant());
        budgets.insertAlert(alert);
        outbox.append(
                properties.alertsTopic(),
                after.department(),
                MessageEnvelope.builder()
                        .messageId(alert.id())
                        .sender(agent.effectiveId().toString(), agent.type())
                        .recipient(null, "supervisor")
                        .action(BudgetAlert.ACTION)
                        .data(codec.toTree(alert))
                        .build());
    }

    private static void requireOrderedThresholds(BigDecimal warning, BigDecimal critical) {
        if (warning.compareTo(critical) >= 0) {
            throw RuleViolationException.of("warning_threshold", "must be below critical_threshold (" + critical + ")");
        }
    }

    private static BudgetNotFoundException noBudget(String department, String period) {
        return new BudgetNotFoundException("no budget for " + department + " in " + period);
    }
}

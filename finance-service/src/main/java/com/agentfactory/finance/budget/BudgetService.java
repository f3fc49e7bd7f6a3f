package com.agentfactory.finance.budget;

import com.agentfactory.finance.audit.AuditActor;
import com.agentfactory.finance.transaction.Amounts;
import com.agentfactory.finance.transaction.TransactionService;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.paging.PageResponse;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets and the checks agents make before spending. Every change to a budget's usage first locks its
 * row (SELECT ... FOR UPDATE), so concurrent reservations are decided one after another against the
 * current balance and can never overspend; the table's CHECK backs this up. Only spend already made that no
 * reservation held ({@link #recordExpense}) may take a budget beyond its allocation: it is a fact, not a request.
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
    private final SpendingAgents spendingAgents;

    BudgetService(
            BudgetRepository budgets,
            TransactionService transactions,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            BudgetProperties properties,
            AgentRuntimeProperties agent,
            AuditActor auditActor,
            SpendingAgents spendingAgents,
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
        this.spendingAgents = spendingAgents;
    }

    private String currentPeriod() {
        return openPeriods.currentPeriod();
    }

    /**
     * The clock's time to the microsecond, as PostgreSQL keeps it: what a change answers is what a later read shows.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
        Instant now = now();
        Budget candidate = new Budget(
                UUID.randomUUID(),
                department,
                request.fiscalPeriod(),
                request.currency(),
                request.allocatedAmount().setScale(2),
                BigDecimal.ZERO,
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
                before.unbudgeted(),
                request.warningThreshold() == null ? before.warningThreshold() : request.warningThreshold(),
                request.criticalThreshold() == null ? before.criticalThreshold() : request.criticalThreshold(),
                request.alertsEnabled() == null ? before.alertsEnabled() : request.alertsEnabled(),
                before.createdAt(),
                now);
        requireOrderedThresholds(after.warningThreshold(), after.criticalThreshold());
        // an overspent budget may keep its allocation (or raise it) while still below what it used
        if (after.allocated().compareTo(before.used()) < 0 && after.allocated().compareTo(before.allocated()) < 0) {
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
     *
     * <p>Its expense is booked under the agent whose token asked ({@link SpendingAgents}), else under who asked.
     *
     * <p>With {@code expires_at} the hold ends then: a reservation still held is released by {@link
     * ExpiredReservations}. A time not later than now is refused; a retry gets its reservation back all the same.
     *
     * <p>The reservation is held by {@code holder}: only they may commit or release it ({@link #commit},
     * {@link #release}).
     *
     * @param caller who asks, as the verified token names them; null for a task run on a requester's behalf
     * @param holder who asks as {@link Caller#actorName()} names them: the caller, or the task's requester; null when
     *     no one is known, which leaves the reservation to whoever the budget's rules admit
     */
    @Transactional
    ReservationOutcome reserve(
            String department, CreateReservationRequest request, String idempotencyKey, Caller caller, String holder) {
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
        Instant now = now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.EXPIRY_PASSED,
                    "expires_at " + request.expiresAt() + " is not later than now (" + now + ")",
                    locked.map(Budget::available).orElse(BigDecimal.ZERO));
        }
        if (request.spentOn() != null) {
            var refused = refusedSpendDay(
                    request, period, locked.map(Budget::available).orElse(BigDecimal.ZERO));
            if (refused != null) {
                return refused;
            }
        }
        ReservationOutcome.Refused unusable = unusable(locked, department, period, request.currency());
        if (unusable != null) {
            return unusable;
        }
        Budget before = locked.get();
        if (!before.fits(amount)) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.INSUFFICIENT_BUDGET,
                    "requested " + amount + " " + before.currency() + " but only " + before.available()
                            + " is available in " + department + " for " + period,
                    before.available());
        }
        Budget after = before.withUsage(before.committed().add(amount), before.spent(), now);
        Reservation reservation = new Reservation(
                UUID.randomUUID(),
                before.id(),
                amount,
                before.currency(),
                request.purpose().trim(),
                request.requestedBy().trim(),
                ReservationStatus.RESERVED,
                null,
                now,
                null,
                idempotencyKey,
                request.spentOn(),
                false,
                spendingAgents.bookedUnder(caller, request.requestedBy().trim()),
                request.channel(),
                request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS),
                holder);
        budgets.updateUsage(after);
        budgets.insertReservation(reservation);
        raiseAlerts(before, after);
        return new ReservationOutcome.Reserved(reservation, after, false);
    }

    /**
     * Spends the reservation: it becomes an expense in the ledger. Committing twice is harmless. Only its holder may
     * (see {@link Reservation#settleableBy}).
     */
    @Transactional
    ReservationResponse commit(String department, UUID reservationId, Caller caller) {
        auditActor.stamp();
        Settling s = settling(department, reservationId);
        requireSettleable(s.reservation(), caller, false);
        if (s.reservation().status() == ReservationStatus.COMMITTED) {
            return ReservationResponse.of(s.reservation(), s.budget(), caller);
        }
        if (s.reservation().status() == ReservationStatus.RELEASED) {
            throw new BudgetConflictException("reservation " + reservationId + " was released and cannot be spent");
        }
        Budget after = spend(s.reservation(), s.budget());
        return ReservationResponse.of(budgets.findReservation(reservationId).orElseThrow(), after, caller);
    }

    /**
     * The held money of the reservation becomes the budget's spend, and the ledger books the expense: on the day it was
     * spent on, or, when that day's month has closed since the reservation was made, now and marked {@code
     * booked_late}, as {@link #recordExpense} books late spend, so a closed month's ledger does not change. The budget
     * the money was reserved from spends it either way: that month already counted it as used.
     */
    private Budget spend(Reservation r, Budget budget) {
        Instant now = now();
        Budget after = budget.withUsage(
                budget.committed().subtract(r.amount()), budget.spent().add(r.amount()), now);
        budgets.updateUsage(after);
        boolean late = r.spentOn() != null && openPeriods.of(r.spentOn()) == OpenPeriods.Verdict.CLOSED;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reservation_id", r.id().toString());
        metadata.put("fiscal_period", after.fiscalPeriod());
        if (r.spentOn() != null) {
            metadata.put("spent_on", r.spentOn().toString());
        }
        if (late) {
            metadata.put("booked_late", true);
        }
        if (r.channel() != null) {
            metadata.put("channel", r.channel());
        }
        UUID transactionId = transactions.recordExpense(
                r.id(),
                r.amount(),
                r.currency(),
                after.department(),
                r.attributedAgent(),
                r.purpose(),
                metadata,
                // the day the money was spent on, so the ledger's days and months agree with the budget's month
                r.spentOn() == null || late ? now : startOf(r.spentOn()));
        budgets.resolveReservation(r.id(), ReservationStatus.COMMITTED, transactionId, now);
        return after;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Records money an agent has already spent that no reservation held, such as what an ad exchange bills for
     * impressions won beyond the agent's allowance. Refusing it would not unspend it, only keep it from the books:
     * it is booked as spent even when the budget has no room left, which then shows the budget overspent and
     * raises an {@code overspent} alert (also when threshold alerts are off: this is money owed, not a forecast).
     * Everything it writes is audited like any change to a budget.
     *
     * <p>The day the money was spent on decides the month: that day's, while the month is open to its spend;
     * once closed, the current month, since a closed month's reported figures stay as they were; the expense is
     * then dated now and marked {@code booked_late} with its day kept in the metadata. A day after tomorrow is
     * refused.
     *
     * <p>The Idempotency-Key is required and shares its space with the department's reservations: a retry gets
     * the first record back (replayed), and a key that reserved the same amount for the same purpose before (an
     * earlier attempt that asked for a reservation) commits that reservation instead of booking the spend twice.
     *
     * @param caller who records it, as the verified token names them: an agent's spend is booked under its agent type
     */
    @Transactional
    ReservationOutcome recordExpense(
            String department, RecordExpenseRequest request, String idempotencyKey, Caller caller) {
        auditActor.stamp();
        budgets.lockIdempotencyKey(department, idempotencyKey);
        BigDecimal amount = request.amount().setScale(2);
        String purpose = request.purpose().trim();
        var earlier = budgets.findReservationByKey(department, idempotencyKey);
        if (earlier.isPresent()) {
            Budget held = budgets.lockById(earlier.get().budgetId()).orElseThrow();
            // read again under the budget lock: its commit and release endpoints take that lock, not the key's, so
            // what was read before it may have been committed or released since
            Reservation first = budgets.findReservation(earlier.get().id()).orElseThrow();
            if (!first.sameRequestAs(amount, request.currency(), purpose)) {
                return new ReservationOutcome.Refused(
                        ReservationOutcome.Reason.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for " + first.status().wireName() + " " + first.amount() + " "
                                + first.currency() + " for '" + first.purpose() + "'",
                        held.available());
            }
            if (first.status() == ReservationStatus.RELEASED) {
                return new ReservationOutcome.Refused(
                        ReservationOutcome.Reason.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key reserved the money as reservation " + first.id()
                                + ", which was released and cannot be spent; record the expense under a new key",
                        held.available());
            }
            if (first.status() == ReservationStatus.COMMITTED) {
                return new ReservationOutcome.Reserved(first, held, true);
            }
            // spending it by its key is a commit: another caller that came by the key may not spend what is held
            requireSettleable(first, caller, false);
            Budget after = spend(first, held);
            return new ReservationOutcome.Reserved(
                    budgets.findReservation(first.id()).orElseThrow(), after, false);
        }
        LocalDate spentOn = request.spentOn();
        OpenPeriods.Verdict verdict = openPeriods.of(spentOn);
        if (verdict == OpenPeriods.Verdict.FUTURE) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.FUTURE_SPEND,
                    "spent_on " + spentOn + " is after tomorrow (today is " + openPeriods.today() + " UTC)",
                    BigDecimal.ZERO);
        }
        boolean late = verdict == OpenPeriods.Verdict.CLOSED;
        String period = late ? currentPeriod() : OpenPeriods.periodOf(spentOn);
        var locked = budgets.lock(department, period);
        ReservationOutcome.Refused unusable = unusable(locked, department, period, request.currency());
        if (unusable != null) {
            return unusable;
        }
        Budget before = locked.get();
        if (!before.canHoldUnbudgeted(amount)) {
            // past what its columns hold the update would fail, and every later expense with it
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.BEYOND_RECORDABLE,
                    "amount " + amount + " " + before.currency() + " would take what " + department + " used in "
                            + period + " beyond " + Budget.MAX_SUM + ", the most a budget records; "
                            + Budget.MAX_SUM.subtract(before.used()).max(BigDecimal.ZERO) + " more can be recorded",
                    before.available());
        }
        Instant now = now();
        Budget after = before.withUnbudgetedSpend(amount, now);
        Reservation expense = new Reservation(
                UUID.randomUUID(),
                before.id(),
                amount,
                before.currency(),
                purpose,
                request.requestedBy().trim(),
                ReservationStatus.COMMITTED,
                null,
                now,
                null,
                idempotencyKey,
                spentOn,
                true,
                spendingAgents.bookedUnder(caller, request.requestedBy().trim()),
                request.channel(),
                null,
                holderOf(caller));
        budgets.updateUsage(after);
        budgets.insertReservation(expense);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("reservation_id", expense.id().toString());
        metadata.put("fiscal_period", period);
        metadata.put("spent_on", spentOn.toString());
        metadata.put("unbudgeted", true);
        metadata.put("beyond_budget", amount.subtract(before.available()).max(BigDecimal.ZERO));
        if (late) {
            metadata.put("booked_late", true);
        }
        if (expense.channel() != null) {
            metadata.put("channel", expense.channel());
        }
        UUID transactionId = transactions.recordExpense(
                expense.id(),
                amount,
                before.currency(),
                department,
                expense.attributedAgent(),
                purpose,
                metadata,
                late ? now : startOf(spentOn));
        budgets.resolveReservation(expense.id(), ReservationStatus.COMMITTED, transactionId, now);
        raiseAlerts(before, after);
        return new ReservationOutcome.Reserved(
                budgets.findReservation(expense.id()).orElseThrow(), after, false);
    }

    /**
     * Gives the reserved money back. Releasing twice is harmless. Only its holder, or a person with the admin role, may
     * (see {@link Reservation#settleableBy}).
     */
    @Transactional
    ReservationResponse release(String department, UUID reservationId, Caller caller) {
        auditActor.stamp();
        Settling s = settling(department, reservationId);
        requireSettleable(s.reservation(), caller, true);
        if (s.reservation().status() == ReservationStatus.RELEASED) {
            return ReservationResponse.of(s.reservation(), s.budget(), caller);
        }
        if (s.reservation().status() == ReservationStatus.COMMITTED) {
            throw new BudgetConflictException("reservation " + reservationId + " was already spent");
        }
        Budget after = giveBack(s.reservation(), s.budget(), now());
        return ReservationResponse.of(budgets.findReservation(reservationId).orElseThrow(), after, caller);
    }

    /** The reservation's money goes back to its budget, which the caller has locked. */
    private Budget giveBack(Reservation r, Budget budget, Instant now) {
        Budget after = budget.withUsage(budget.committed().subtract(r.amount()), budget.spent(), now);
        budgets.updateUsage(after);
        budgets.resolveReservation(r.id(), ReservationStatus.RELEASED, null, now);
        return after;
    }

    /**
     * Releases the reservations still held whose {@code expires_at} has passed, of at most {@code budgetLimit}
     * budgets, as {@link #release} does, audited as the finance agent's. A budget another transaction holds is
     * skipped, not waited for: a later sweep takes it.
     */
    @Transactional
    Swept releaseExpired(int budgetLimit) {
        auditActor.stamp();
        Instant now = now();
        List<Budget> locked = budgets.lockBudgetsWithExpiredReservations(now, budgetLimit);
        int released = 0;
        for (Budget budget : locked) {
            for (Reservation expired : budgets.expiredReservations(budget.id(), now)) {
                budget = giveBack(expired, budget, now);
                released++;
            }
        }
        return new Swept(locked.size(), released);
    }

    /** What one sweep of expired reservations did: how many budgets it took, how many reservations it released. */
    record Swept(int budgets, int released) {}

    /**
     * One page of the department's reservations, oldest first, each with what its budget has left: of one fiscal
     * month or of all, of one status or of all. Reservations still held (status {@code reserved}) are how money a
     * holder lost track of is found again.
     */
    @Transactional(readOnly = true)
    PageResponse<ReservationResponse> reservations(
            String department, String fiscalPeriod, ReservationStatus status, int page, int limit, Caller caller) {
        var pagination = PageResponse.Pagination.of(0, page, limit);
        List<Reservation> found = budgets.reservations(department, fiscalPeriod, status, pagination.offset(), limit);
        Map<UUID, Budget> ofReservations = new LinkedHashMap<>();
        budgets.findByIds(found.stream().map(Reservation::budgetId).distinct().toList())
                .forEach(budget -> ofReservations.put(budget.id(), budget));
        return PageResponse.of(
                found.stream()
                        .map(r -> ReservationResponse.of(r, ofReservations.get(r.budgetId()), caller))
                        .toList(),
                budgets.countReservations(department, fiscalPeriod, status),
                page,
                limit);
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

    /** How a reservation names its holder: the caller as the audit trail names them; null for no one. */
    static String holderOf(Caller caller) {
        return caller != null && caller.isAuthenticated() ? caller.actorName() : null;
    }

    private static void requireSettleable(Reservation r, Caller caller, boolean release) {
        if (!r.settleableBy(caller, release)) {
            throw new ReservationHeldByAnotherException("reservation " + r.id() + " is held by the caller that made it;"
                    + " only they may " + (release ? "release it (or an admin)" : "commit it"));
        }
    }

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

    /**
     * One alert per threshold crossed upwards by this change: staying above a threshold raises nothing new. Going
     * beyond the allocation raises {@code overspent} even when the owner turned threshold alerts off: a threshold
     * warns of what may come, an overspend is money already owed beyond what was allocated.
     */
    private void raiseAlerts(Budget before, Budget after) {
        if (after.alertsEnabled()) {
            if (!before.reaches(after.warningThreshold()) && after.reaches(after.warningThreshold())) {
                alert(after, "warning", after.warningThreshold());
            }
            if (!before.reaches(after.criticalThreshold()) && after.reaches(after.criticalThreshold())) {
                alert(after, "critical", after.criticalThreshold());
            }
        }
        if (!before.isOverspent() && after.isOverspent()) {
            alert(after, "overspent", BigDecimal.ONE);
        }
    }

    private void alert(Budget after, String level, BigDecimal threshold) {
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
                now());
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

    /** Why money cannot be booked against the locked budget (none for the period, or kept in another currency), or null. */
    private static ReservationOutcome.Refused unusable(
            Optional<Budget> locked, String department, String period, String currency) {
        if (locked.isEmpty()) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.NO_BUDGET,
                    noBudget(department, period).getMessage(),
                    BigDecimal.ZERO);
        }
        Budget budget = locked.get();
        if (!budget.currency().equals(currency)) {
            return new ReservationOutcome.Refused(
                    ReservationOutcome.Reason.CURRENCY_MISMATCH,
                    "the budget is kept in " + budget.currency() + ", not " + currency,
                    budget.available());
        }
        return null;
    }

    private static BudgetNotFoundException noBudget(String department, String period) {
        return new BudgetNotFoundException("no budget for " + department + " in " + period);
    }
}

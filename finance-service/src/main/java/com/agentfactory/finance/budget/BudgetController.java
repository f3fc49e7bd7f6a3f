package com.agentfactory.finance.budget;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/financial/budgets/{department}")
class BudgetController {

    /** A retried request carries the key of its first attempt (IETF httpapi Idempotency-Key header). */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    @Operation(summary = "Create or change a department's budget for a fiscal month")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "409", description = "The allocation would fall below what is already used")
    @ApiResponse(responseCode = "422", description = "Well-formed but not acceptable: the fields at fault are named")
    @PutMapping
    ResponseEntity<BudgetResponse> upsert(
            @PathVariable @BudgetConstraints.Department String department,
            @Valid @RequestBody UpsertBudgetRequest request) {
        var upserted = budgets.upsert(department, request);
        return ResponseEntity.status(upserted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(BudgetResponse.of(upserted.budget()));
    }

    @Operation(summary = "A department's budget status for a fiscal month (default: the current UTC month)")
    @GetMapping
    BudgetResponse get(
            @PathVariable @BudgetConstraints.Department String department,
            @RequestParam(required = false) @BudgetConstraints.FiscalPeriod String period) {
        return BudgetResponse.of(budgets.get(department, period));
    }

    @Operation(summary = "Alerts raised when the budget crossed its thresholds, oldest first")
    @GetMapping("/alerts")
    List<BudgetAlert> alerts(
            @PathVariable @BudgetConstraints.Department String department,
            @RequestParam(required = false) @BudgetConstraints.FiscalPeriod String period) {
        return budgets.alerts(department, period);
    }

    @Operation(
            summary = "The department's reservations, oldest first, of one fiscal month or all (period) and of one"
                    + " status or all (status: reserved, committed, released); status=reserved finds money still"
                    + " held")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "422", description = "status names no known status: the parameter is named")
    @GetMapping("/reservations")
    PageResponse<ReservationResponse> reservations(
            @PathVariable @BudgetConstraints.Department String department,
            @RequestParam(required = false) @BudgetConstraints.FiscalPeriod String period,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            Caller caller) {
        return budgets.reservations(department, period, parseStatus(status), page, limit, caller);
    }

    private static ReservationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        for (ReservationStatus known : ReservationStatus.values()) {
            if (known.wireName().equals(status)) {
                return known;
            }
        }
        throw RuleViolationException.of("status", "must be one of reserved, committed, released");
    }

    @Operation(
            summary = "Budget check before spending: reserves the amount or answers 409 when it does not fit;"
                    + " a repeated Idempotency-Key returns the first reservation (200) instead of a second one;"
                    + " spent_on books spend reported after the fact in the month of the day it was spent on;"
                    + " expires_at releases the reservation then if it is still held")
    @ApiResponse(responseCode = "201", description = "Reserved")
    @ApiResponse(responseCode = "200", description = "A repeat of the same idempotency key: the first answer")
    @ApiResponse(responseCode = "409", description = "The budget has not enough left for this reservation")
    @ApiResponse(
            responseCode = "422",
            description = "Another currency, a reused Idempotency-Key, a spent_on in a month closed to its spend,"
                    + " after tomorrow, or not the month of fiscal_period, or an expires_at not later than now")
    @PostMapping("/reservations")
    ResponseEntity<ReservationResponse> reserve(
            @PathVariable @BudgetConstraints.Department String department,
            @Valid @RequestBody CreateReservationRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Size(max = 255, message = "must be at most 255 characters")
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            Caller caller) {
        return answer(
                budgets.reserve(department, request, idempotencyKey, caller, BudgetService.holderOf(caller)),
                request.amount(),
                caller);
    }

    @Operation(
            summary = "Record money already spent that no reservation held (an ad exchange's bill for impressions"
                    + " won beyond the allowance): booked as spent even beyond the allocation, which marks the budget"
                    + " overspent and raises an overspent alert; a repeated Idempotency-Key returns the first record"
                    + " (200)")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "200", description = "A repeat of the same idempotency key: the first answer")
    @ApiResponse(responseCode = "404", description = "The department has no budget for the month")
    @ApiResponse(
            responseCode = "422",
            description = "No Idempotency-Key, one used for other money, another currency, a spent_on after tomorrow,"
                    + " or an amount the budget's sums can no longer hold")
    @PostMapping("/expenses")
    ResponseEntity<ReservationResponse> recordExpense(
            @PathVariable @BudgetConstraints.Department String department,
            @Valid @RequestBody RecordExpenseRequest request,
            @Parameter(description = "required: a retry with the key of its first attempt books nothing more")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Size(max = 255, message = "must be at most 255 characters")
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            Caller caller) {
        if (idempotencyKey == null) {
            // a rule of this operation rather than a malformed request: spend already made must not be booked twice
            throw RuleViolationException.of(IDEMPOTENCY_KEY, "is required: a retry must not record the spend twice");
        }
        return answer(budgets.recordExpense(department, request, idempotencyKey, caller), request.amount(), caller);
    }

    private static ResponseEntity<ReservationResponse> answer(
            ReservationOutcome outcome, BigDecimal requested, Caller caller) {
        return switch (outcome) {
            case ReservationOutcome.Reserved reserved ->
                ResponseEntity.status(reserved.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(ReservationResponse.of(reserved.reservation(), reserved.budget(), caller));
            case ReservationOutcome.Refused refused ->
                throw switch (refused.reason()) {
                    case NO_BUDGET -> new BudgetNotFoundException(refused.message());
                    case CURRENCY_MISMATCH -> RuleViolationException.of("currency", refused.message());
                    case IDEMPOTENCY_KEY_REUSED -> RuleViolationException.of(IDEMPOTENCY_KEY, refused.message());
                    case CLOSED_PERIOD, FUTURE_SPEND -> RuleViolationException.of("spent_on", refused.message());
                    case PERIOD_MISMATCH -> RuleViolationException.of("fiscal_period", refused.message());
                    case BEYOND_RECORDABLE -> RuleViolationException.of("amount", refused.message());
                    case EXPIRY_PASSED -> RuleViolationException.of("expires_at", refused.message());
                    case INSUFFICIENT_BUDGET ->
                        new InsufficientBudgetException(refused.message(), refused.available(), requested);
                };
        };
    }

    @Operation(summary = "Spend a reservation: records the expense; only the caller that made the reservation may")
    @ApiResponse(responseCode = "200", description = "Spent")
    @ApiResponse(responseCode = "403", description = "Another caller made the reservation")
    @ApiResponse(
            responseCode = "409",
            description = "The reservation was released and cannot be spent, or the ledger holds another transaction"
                    + " under its id")
    @PostMapping("/reservations/{reservationId}/commit")
    ReservationResponse commit(
            @PathVariable @BudgetConstraints.Department String department,
            @PathVariable UUID reservationId,
            Caller caller) {
        return budgets.commit(department, reservationId, caller);
    }

    @Operation(
            summary = "Give a reservation back to the budget; only the caller that made the reservation, or an admin,"
                    + " may")
    @ApiResponse(responseCode = "200", description = "Released")
    @ApiResponse(responseCode = "403", description = "Another caller made the reservation, and the caller is no admin")
    @ApiResponse(responseCode = "409", description = "The reservation was already spent")
    @PostMapping("/reservations/{reservationId}/release")
    ReservationResponse release(
            @PathVariable @BudgetConstraints.Department String department,
            @PathVariable UUID reservationId,
            Caller caller) {
        return budgets.release(department, reservationId, caller);
    }
}

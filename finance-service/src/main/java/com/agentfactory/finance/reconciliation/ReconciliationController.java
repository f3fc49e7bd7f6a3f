package com.agentfactory.finance.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/financial/reconciliation")
class ReconciliationController {

    private final ReconciliationRepository repository;

    ReconciliationController(ReconciliationRepository repository) {
        this.repository = repository;
    }

    @Operation(
            summary = "Per UTC day and currency: transaction count, revenue, refunds, net and unique orders",
            description = "Refunds are net of the offsets of refunds booked before their order (dated as the refund"
                    + " they offset); offsets are not counted as transactions, nor is a refund offset to nothing, and"
                    + " its order (a credit note's own) is not counted among the unique orders, as a refund capped to"
                    + " nothing when its order came first is not booked.")
    @GetMapping("/daily")
    @Transactional(readOnly = true)
    Daily daily(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo) {
        ReportPeriod.of(dateFrom, dateTo);
        return new Daily(dateFrom, dateTo, repository.daily(dateFrom, dateTo));
    }

    record Daily(LocalDate dateFrom, LocalDate dateTo, List<DailyReconciliation> days) {}
}

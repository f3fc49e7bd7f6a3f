package com.agentfactory.finance.kpi;

import com.agentfactory.finance.reconciliation.ReportPeriod;
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
@RequestMapping("/api/v1/financial/kpis")
class KpiController {

    private final KpiRepository repository;

    KpiController(KpiRepository repository) {
        this.repository = repository;
    }

    @Operation(summary = "Ledger KPIs per currency over inclusive UTC days: revenue, refunds, orders, AOV")
    @GetMapping
    @Transactional(readOnly = true)
    Kpis kpis(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo) {
        ReportPeriod.of(dateFrom, dateTo);
        return new Kpis(dateFrom, dateTo, repository.byCurrency(dateFrom, dateTo));
    }

    record Kpis(LocalDate dateFrom, LocalDate dateTo, List<LedgerKpis> currencies) {}
}

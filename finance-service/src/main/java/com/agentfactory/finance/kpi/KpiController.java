package com.agentfactory.finance.kpi;

import com.agentfactory.finance.attribution.AttributionModel;
import com.agentfactory.finance.attribution.AttributionProperties;
import com.agentfactory.finance.reconciliation.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final AttributionProperties attribution;

    KpiController(KpiRepository repository, AttributionProperties attribution) {
        this.repository = repository;
        this.attribution = attribution;
    }

    @Operation(
            summary = "Business KPIs over inclusive UTC days: revenue, refunds, orders, AOV, customer lifetime value"
                    + " per currency; conversion rate; ROAS per agent and channel under an attribution model")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping
    @Transactional(readOnly = true)
    Kpis kpis(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) String model) {
        ReportPeriod.of(dateFrom, dateTo);
        AttributionModel chosen = model == null ? attribution.defaultModel() : AttributionModel.parse(model);
        return new Kpis(
                dateFrom,
                dateTo,
                repository.byCurrency(dateFrom, dateTo),
                repository.conversion(dateFrom, dateTo),
                chosen,
                repository.roas("agent", chosen.wireName(), dateFrom, dateTo),
                repository.roas("channel", chosen.wireName(), dateFrom, dateTo));
    }

    record Kpis(
            LocalDate dateFrom,
            LocalDate dateTo,
            List<LedgerKpis> currencies,
            Conversion conversion,
            AttributionModel attributionModel,
            List<Roas> roasByAgent,
            List<Roas> roasByChannel) {}
}

package com.agentfactory.finance.analytics;

import com.agentfactory.finance.attribution.AttributionModel;
import com.agentfactory.finance.attribution.AttributionProperties;
import com.agentfactory.finance.reconciliation.ReportPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reporting views over inclusive UTC days, as of their last refresh. */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private final AnalyticsRepository repository;
    private final AnalyticsViews views;
    private final AttributionProperties attribution;

    AnalyticsController(AnalyticsRepository repository, AnalyticsViews views, AttributionProperties attribution) {
        this.repository = repository;
        this.views = views;
        this.attribution = attribution;
    }

    @Operation(
            summary = "Per agent and day: touchpoints and tasks, response time, task success rate, attributed revenue")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(
            responseCode = "422",
            description =
                    "A parameter names no known value (model, type, table), or the period is empty: the parameter is named")
    @GetMapping("/agent-performance")
    @Transactional(readOnly = true)
    Report<AnalyticsRepository.AgentPerformance> agentPerformance(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo,
            @RequestParam(required = false) String model) {
        ReportPeriod.of(dateFrom, dateTo);
        AttributionModel chosen = model == null ? attribution.defaultModel() : AttributionModel.parse(model);
        return new Report<>(
                dateFrom,
                dateTo,
                views.lastRefresh(),
                repository.agentPerformance(dateFrom, dateTo, chosen.wireName()));
    }

    @Operation(summary = "Journey funnel per cohort day: visitors, considered, intent, purchased, hours to purchase")
    @GetMapping("/customer-journey")
    @Transactional(readOnly = true)
    Report<AnalyticsRepository.JourneyCohort> journey(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo) {
        ReportPeriod.of(dateFrom, dateTo);
        return new Report<>(dateFrom, dateTo, views.lastRefresh(), repository.journey(dateFrom, dateTo));
    }

    @Operation(summary = "Revenue and refunds per day, customer segment and currency")
    @GetMapping("/revenue-by-segment")
    @Transactional(readOnly = true)
    Report<AnalyticsRepository.SegmentRevenue> revenueBySegment(
            @RequestParam(name = "date_from") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFrom,
            @RequestParam(name = "date_to") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateTo) {
        ReportPeriod.of(dateFrom, dateTo);
        return new Report<>(dateFrom, dateTo, views.lastRefresh(), repository.revenueBySegment(dateFrom, dateTo));
    }

    @Operation(summary = "Refresh the reporting views now (they also refresh on a schedule)")
    @PostMapping("/refresh")
    Refreshed refresh() {
        return new Refreshed(views.refresh());
    }

    /** {@code refreshedAt} is this instance's last refresh; null when it has not refreshed since it started. */
    record Report<T>(LocalDate dateFrom, LocalDate dateTo, Instant refreshedAt, List<T> rows) {}

    record Refreshed(Instant refreshedAt) {}
}

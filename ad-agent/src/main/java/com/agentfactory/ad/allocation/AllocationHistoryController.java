package com.agentfactory.ad.allocation;

import static com.agentfactory.messaging.time.YearRange.RECORDS_FIRST_YEAR;
import static com.agentfactory.messaging.time.YearRange.RECORDS_LAST_YEAR;

import com.agentfactory.messaging.time.WithinYears;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/ads/allocations")
class AllocationHistoryController {

    private final AllocationHistory history;

    AllocationHistoryController(AllocationHistory history) {
        this.history = history;
    }

    @Operation(
            summary = "The budget reallocation rounds across campaigns, oldest first, with each campaign's change and"
                    + " its reason",
            description = "The window is [from, to) in ISO-8601 instants: to defaults to now, from to 30 days before"
                    + " to, and from must be before to and at most 400 days before it; both lie in the years 1970 to"
                    + " 9999. At most the newest 500 rounds of the window are answered, and rounds_truncated says"
                    + " whether it had more; a round that reallocated campaigns in several currencies appears once per"
                    + " currency, and currency (ISO 4217) keeps one. series covers the whole window: it is cut into at"
                    + " most 750 equal steps (step, from one minute to a day), and gives each campaign's allocated"
                    + " daily budget at the end of every step in which the allocator changed it. Budgets are daily, in"
                    + " the campaign's currency; previous_daily_budget is null when the campaign had no allocation"
                    + " before.")
    @GetMapping
    AllocationHistoryResponse list(
            // far beyond these an instant is one PostgreSQL cannot compare; no round is outside them
            @RequestParam(required = false) @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR)
                    Instant from,
            @RequestParam(required = false) @WithinYears(from = RECORDS_FIRST_YEAR, to = RECORDS_LAST_YEAR) Instant to,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
                    String currency) {
        return history.rounds(from, to, currency);
    }
}

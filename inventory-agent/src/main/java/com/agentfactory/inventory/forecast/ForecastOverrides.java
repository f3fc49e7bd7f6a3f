package com.agentfactory.inventory.forecast;

import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.identity.Caller;
import com.agentfactory.messaging.time.YearRange;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's overrides of expected demand. Only an administrator or a marketing manager makes or revokes one; each
 * names who and why, expires, and is kept after it ends (revoked ones too), so what was overridden stays known.
 */
@Service
class ForecastOverrides {

    private static final Logger log = LoggerFactory.getLogger(ForecastOverrides.class);
    private static final int FURTHEST_YEARS = 5;

    private final ForecastOverrideRepository overrides;
    private final StockService stock;
    private final Clock clock;

    ForecastOverrides(ForecastOverrideRepository overrides, StockService stock, Clock clock) {
        this.overrides = overrides;
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional
    ForecastOverrideResponse create(CreateForecastOverrideRequest request, Caller caller) {
        requirePlanner(caller);
        stock.requireStocked(request.sku());
        LocalDate today = LocalDate.now(clock);
        // the store's bound holds whatever day today is; the window around today below is the override's own
        YearRange.RECORDS.requireContains("valid_from", request.validFrom(), RuleViolationException::of);
        YearRange.RECORDS.requireContains("valid_until", request.validUntil(), RuleViolationException::of);
        LocalDate from = request.validFrom() != null ? request.validFrom() : today;
        if (!request.validUntil().isAfter(from)) {
            throw RuleViolationException.of("valid_until", "must be after valid_from (" + from + ")");
        }
        if (!request.validUntil().isAfter(today)) {
            throw RuleViolationException.of("valid_until", "must be after today (" + today + ")");
        }
        // an override is for the season ahead; a date decades away is a typing error (and beyond the database's range)
        if (request.validUntil().isAfter(today.plusYears(FURTHEST_YEARS))) {
            throw RuleViolationException.of("valid_until", "must be within " + FURTHEST_YEARS + " years of today");
        }
        if (from.isBefore(today.minusYears(FURTHEST_YEARS))) {
            throw RuleViolationException.of("valid_from", "must be within " + FURTHEST_YEARS + " years of today");
        }
        var saved = overrides.save(new ForecastOverride(
                request.sku(),
                request.dailyUnits(),
                from,
                request.validUntil(),
                caller.userId(),
                request.reason(),
                clock.instant()));
        log.info(
                "forecast override {} of {} by {}: {} units a day from {} until {}, because {}",
                saved.getId(),
                saved.sku(),
                saved.createdBy(),
                saved.dailyUnits(),
                saved.validFrom(),
                saved.validUntil(),
                saved.reason());
        return ForecastOverrideResponse.of(saved);
    }

    @Transactional
    ForecastOverrideResponse revoke(UUID id, String reason, Caller caller) {
        requirePlanner(caller);
        ForecastOverride override = overrides.findById(id).orElseThrow(() -> new ForecastOverrideNotFoundException(id));
        if (override.revoked()) {
            throw new ConflictException("forecast override " + id + " was already revoked");
        }
        override.revoke(caller.userId(), reason, clock.instant());
        log.info("forecast override {} of {} revoked by {}, because {}", id, override.sku(), caller.userId(), reason);
        return ForecastOverrideResponse.of(overrides.save(override));
    }

    @Transactional(readOnly = true)
    List<ForecastOverrideResponse> of(String sku) {
        return overrides.findBySkuOrderByCreatedAtDesc(sku).stream()
                .map(ForecastOverrideResponse::of)
                .toList();
    }

    @Transactional(readOnly = true)
    ForecastOverrideResponse get(UUID id) {
        return overrides
                .findById(id)
                .map(ForecastOverrideResponse::of)
                .orElseThrow(() -> new ForecastOverrideNotFoundException(id));
    }

    /** The override of the SKU's demand in force on the day: the newest if several are. */
    Optional<ForecastOverride> activeOn(String sku, LocalDate day) {
        return overrides.activeOn(sku, day);
    }

    private static void requirePlanner(Caller caller) {
        if (caller.userId() == null || !caller.hasAnyRole(Caller.ADMIN, Caller.MARKETING_MANAGER)) {
            throw new NotPermittedException("only an administrator or a marketing manager overrides forecasts");
        }
    }
}

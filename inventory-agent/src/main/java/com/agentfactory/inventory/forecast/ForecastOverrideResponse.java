package com.agentfactory.inventory.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An override with who made it and why, and who revoked it and why if it was. */
record ForecastOverrideResponse(
        UUID id,
        String sku,
        double dailyUnits,
        LocalDate validFrom,
        LocalDate validUntil,
        String createdBy,
        String reason,
        Instant createdAt,
        String revokedBy,
        Instant revokedAt,
        String revokeReason) {

    static ForecastOverrideResponse of(ForecastOverride o) {
        return new ForecastOverrideResponse(
                o.getId(),
                o.sku(),
                o.dailyUnits(),
                o.validFrom(),
                o.validUntil(),
                o.createdBy(),
                o.reason(),
                o.createdAt(),
                o.revokedBy(),
                o.revokedAt(),
                o.revokeReason());
    }
}

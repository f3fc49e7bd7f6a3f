package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person's expected daily demand for a SKU from one day until (not including) another, with who and why. */
@Entity
@Table(name = "forecast_overrides")
class ForecastOverride extends AssignedIdEntity {

    private String sku;
    private double dailyUnits;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private String createdBy;
    private String reason;
    private Instant createdAt;
    private String revokedBy;
    private Instant revokedAt;
    private String revokeReason;

    protected ForecastOverride() {}

    ForecastOverride(
            String sku,
            double dailyUnits,
            LocalDate validFrom,
            LocalDate validUntil,
            String createdBy,
            String reason,
            Instant now) {
        super(UUID.randomUUID());
        this.sku = sku;
        this.dailyUnits = dailyUnits;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdBy = createdBy;
        this.reason = reason;
        this.createdAt = now;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(String by, String why, Instant now) {
        this.revokedBy = by;
        this.revokeReason = why;
        this.revokedAt = now;
    }

    boolean activeOn(LocalDate day) {
        return !revoked() && !day.isBefore(validFrom) && day.isBefore(validUntil);
    }

    String sku() {
        return sku;
    }

    double dailyUnits() {
        return dailyUnits;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validUntil() {
        return validUntil;
    }

    String createdBy() {
        return createdBy;
    }

    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }

    String revokedBy() {
        return revokedBy;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    String revokeReason() {
        return revokeReason;
    }
}

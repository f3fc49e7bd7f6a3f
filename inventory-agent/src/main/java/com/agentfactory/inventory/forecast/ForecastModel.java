package com.agentfactory.inventory.forecast;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One version of the forecast models: what it was trained on, with which settings, and how well it did. */
@Entity
@Table(name = "forecast_models")
class ForecastModel extends AssignedIdEntity {

    enum Status {
        TRAINING,
        READY,
        FAILED
    }

    private int version;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate origin;
    private int horizonDays;
    private int pooledSkus;
    private int historyWeeks;
    private int calibrationBlocks;
    private int rounds;
    private int skus;
    private int failedSkus;
    private Instant startedAt;
    private Instant finishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "forecast_model_errors", joinColumns = @JoinColumn(name = "model_id"))
    @MapKeyColumn(name = "model")
    @Column(name = "wape")
    private Map<String, Double> innerWape = new LinkedHashMap<>();

    protected ForecastModel() {}

    ForecastModel(
            int version, LocalDate origin, int horizonDays, ForecastProperties settings, int batchPool, Instant now) {
        super(UUID.randomUUID());
        this.version = version;
        this.status = Status.TRAINING;
        this.origin = origin;
        this.horizonDays = horizonDays;
        this.pooledSkus = batchPool;
        this.historyWeeks = settings.historyWeeks();
        this.calibrationBlocks = settings.calibrationBlocks();
        this.rounds = settings.rounds();
        this.startedAt = now;
    }

    void finish(int skus, int failedSkus, Map<String, Double> innerWape, Instant now) {
        this.skus = skus;
        this.failedSkus = failedSkus;
        this.innerWape = new LinkedHashMap<>(innerWape);
        this.status = skus > 0 ? Status.READY : Status.FAILED;
        this.finishedAt = now;
    }

    int version() {
        return version;
    }

    Status status() {
        return status;
    }

    Map<String, Double> innerWape() {
        return innerWape;
    }
}

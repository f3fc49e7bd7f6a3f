package com.agentfactory.inventory.batch;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The report of one daily run, stored when it starts so that a run that never finishes is seen as one. */
@Entity
@Table(name = "batch_runs")
class BatchRun extends AssignedIdEntity {

    enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant startedAt;

    // written on insert only: the run's heartbeats are separate updates, which saving the report must not undo
    @Column(updatable = false)
    private Instant heartbeatAt;

    // the task the run was started for, null when started otherwise: a redelivery of that task may give it up
    @Column(updatable = false)
    private UUID taskId;

    private Instant finishedAt;
    private Long durationMs;
    private int skus;
    private UUID forecastModelId;
    private Integer modelVersion;
    private int forecastSkus;
    private int forecastFailedSkus;
    private int suggested;
    private int autoApproved;
    private int budgetsSettled;
    private String failure;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "batch_run_alerts", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "type")
    @Column(name = "raised")
    private Map<String, Integer> alertsRaised = new TreeMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "batch_run_errors", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    @Column(name = "message")
    private List<String> errors = new ArrayList<>();

    protected BatchRun() {}

    BatchRun(Instant now, UUID taskId) {
        super(UUID.randomUUID());
        this.status = Status.RUNNING;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.taskId = taskId;
    }

    void forecastsMade(UUID modelId, int version, int skus, int failedSkus, List<String> errors) {
        this.forecastModelId = modelId;
        this.modelVersion = version;
        this.forecastSkus = skus;
        this.forecastFailedSkus = failedSkus;
        this.errors.addAll(errors);
    }

    void forecastsSkipped(String reason) {
        this.errors.add("no forecasts: " + reason);
    }

    void succeeded(int skus, int suggested, int autoApproved, Map<String, Integer> alerts, int settled, Instant now) {
        this.skus = skus;
        this.suggested = suggested;
        this.autoApproved = autoApproved;
        this.alertsRaised = new TreeMap<>(alerts);
        this.budgetsSettled = settled;
        finish(Status.SUCCEEDED, now);
    }

    void failed(String failure, Instant now) {
        this.failure = failure;
        finish(Status.FAILED, now);
    }

    private void finish(Status status, Instant now) {
        this.status = status;
        this.finishedAt = now;
        this.durationMs = Duration.between(startedAt, now).toMillis();
    }

    Status status() {
        return status;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Long durationMs() {
        return durationMs;
    }

    int skus() {
        return skus;
    }

    UUID forecastModelId() {
        return forecastModelId;
    }

    Integer modelVersion() {
        return modelVersion;
    }

    int forecastSkus() {
        return forecastSkus;
    }

    int forecastFailedSkus() {
        return forecastFailedSkus;
    }

    int suggested() {
        return suggested;
    }

    int autoApproved() {
        return autoApproved;
    }

    int budgetsSettled() {
        return budgetsSettled;
    }

    String failure() {
        return failure;
    }

    Map<String, Integer> alertsRaised() {
        return alertsRaised;
    }

    List<String> errors() {
        return errors;
    }
}

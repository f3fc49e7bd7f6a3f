package com.agentfactory.ad.simulation;

import com.agentfactory.messaging.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A requested comparison of bidding policies on one auction source: QUEUED when accepted, RUNNING once a worker
 * claims it, then COMPLETED with a result per policy and part of the log, or FAILED with the reason. Each transition
 * is its own transaction; the version keeps a worker that lost its claim from overwriting the run.
 */
@Entity
@Table(name = "ad_simulation_runs")
class SimulationRun extends AssignedIdEntity {

    @Enumerated(EnumType.STRING)
    private SimulationRunStatus status;

    private String source;

    private String[] policies;

    @Column(name = "episode_auctions")
    private int episodeAuctions;

    @Column(name = "budget_ratio")
    private BigDecimal budgetRatio;

    private long seed;

    @Column(name = "budget_per_episode")
    private Long budgetPerEpisode;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    private String failure;

    @ColumnTransformer(write = "?::jsonb")
    private String results;

    @Column(name = "policy_details")
    @ColumnTransformer(write = "?::jsonb")
    private String policyDetails;

    @Version
    private Long version;

    protected SimulationRun() {}

    SimulationRun(
            String source,
            List<String> policies,
            int episodeAuctions,
            BigDecimal budgetRatio,
            long seed,
            String requestedBy,
            Instant now) {
        super(UUID.randomUUID());
        this.status = SimulationRunStatus.QUEUED;
        this.source = source;
        this.policies = policies.toArray(String[]::new);
        this.episodeAuctions = episodeAuctions;
        this.budgetRatio = budgetRatio;
        this.seed = seed;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.results = SimulationJson.write(List.of());
        this.policyDetails = SimulationJson.write(Map.of());
    }

    void start(Instant now) {
        expect(SimulationRunStatus.QUEUED);
        this.status = SimulationRunStatus.RUNNING;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    void complete(
            long budgetPerEpisode,
            List<SimulationResult> results,
            Map<String, Map<String, Object>> policyDetails,
            Instant now) {
        expect(SimulationRunStatus.RUNNING);
        this.status = SimulationRunStatus.COMPLETED;
        this.budgetPerEpisode = budgetPerEpisode;
        this.results = SimulationJson.write(results);
        this.policyDetails = SimulationJson.write(policyDetails);
        this.finishedAt = now;
    }

    void fail(String failure, Instant now) {
        expect(SimulationRunStatus.RUNNING);
        this.status = SimulationRunStatus.FAILED;
        this.failure = failure;
        this.finishedAt = now;
    }

    private void expect(SimulationRunStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("simulation run " + getId() + " is " + status + ", not " + expected);
        }
    }

    SimulationRunStatus status() {
        return status;
    }

    String source() {
        return source;
    }

    List<String> policies() {
        return List.of(policies);
    }

    int episodeAuctions() {
        return episodeAuctions;
    }

    BigDecimal budgetRatio() {
        return budgetRatio;
    }

    long seed() {
        return seed;
    }

    Long version() {
        return version;
    }

    SimulationRunResponse response() {
        return new SimulationRunResponse(
                getId(),
                status,
                source,
                policies(),
                episodeAuctions,
                budgetRatio,
                seed,
                budgetPerEpisode,
                requestedBy,
                requestedAt,
                startedAt,
                finishedAt,
                failure,
                SimulationJson.results(results),
                SimulationJson.details(policyDetails));
    }
}

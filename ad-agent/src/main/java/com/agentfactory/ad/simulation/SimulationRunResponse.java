package com.agentfactory.ad.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A simulation run as the API shows it. {@code results} stays empty and {@code budget_per_episode} null until the
 * run is COMPLETED; {@code failure} says why a FAILED run failed.
 *
 * @param budgetPerEpisode B = budget_ratio x episode_auctions x the training period's cost per impression, in the
 *     log's price unit
 * @param policyDetails per policy, what preparing it found (Lin's tuned b0, the size of RLB's value function) and
 *     how long that took
 */
record SimulationRunResponse(
        UUID id,
        SimulationRunStatus status,
        String source,
        List<String> policies,
        int episodeAuctions,
        BigDecimal budgetRatio,
        long seed,
        Long budgetPerEpisode,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        String failure,
        List<SimulationResult> results,
        Map<String, Map<String, Object>> policyDetails) {}

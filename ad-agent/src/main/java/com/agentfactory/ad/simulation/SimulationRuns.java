package com.agentfactory.ad.simulation;

import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.paging.PageResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts simulation runs into the queue (at most {@code max-queued} waiting) and shows them; {@link SimulationWorker}
 * runs them.
 */
@Service
class SimulationRuns {

    // serialises the count of queued runs with the insert that follows it, across instances: without it two
    // requests could both see one place left and both take it
    private static final long QUEUE_LOCK = 0x4144_5349_4d51L;

    private final SimulationRunRepository runs;
    private final SimulationSources sources;
    private final SimulatorProperties properties;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SimulationRuns(
            SimulationRunRepository runs,
            SimulationSources sources,
            SimulatorProperties properties,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runs = runs;
        this.sources = sources;
        this.properties = properties;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    List<SimulationSourceResponse> sources() {
        return sources.available().stream()
                .map(source -> new SimulationSourceResponse(source.name(), source.description(), source.auctions()))
                .toList();
    }

    /**
     * @throws RuleViolationException (422) for a source not offered here, the DQN, or episodes too long for the log
     * @throws SimulationQueueFullException (409) when {@code max-queued} runs are waiting already
     */
    @Transactional
    SimulationRunResponse request(CreateSimulationRequest request, String actor) {
        SimulationSource source = sources.find(request.source())
                .orElseThrow(() -> RuleViolationException.of("source", unknownSource(request.source())));
        List<String> policies = request.policies().stream().distinct().toList();
        if (policies.contains("dqn")) {
            throw RuleViolationException.of(
                    "policies",
                    "dqn is not run here: it needs the PyTorch native library of the dqn build profile and is run"
                            + " with the command-line simulator; choose lin and/or rlb");
        }
        // the tuning half and the held-out half each need at least one whole episode
        int longest = source.auctions() / 2;
        if (request.episodeAuctions() > longest) {
            throw RuleViolationException.of(
                    "episode_auctions",
                    "must be at most " + longest + ": the " + source.name() + " log has " + source.auctions()
                            + " auctions, split into two halves of whole episodes");
        }
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rows -> null, QUEUE_LOCK);
        if (runs.countByStatus(SimulationRunStatus.QUEUED) >= properties.maxQueued()) {
            throw new SimulationQueueFullException(properties.maxQueued());
        }
        SimulationRun run = runs.save(new SimulationRun(
                source.name(),
                policies,
                request.episodeAuctions(),
                request.budgetRatio(),
                request.seed() == null ? CreateSimulationRequest.DEFAULT_SEED : request.seed(),
                actor,
                clock.instant()));
        events.publishEvent(new SimulationRequested(run.getId()));
        return run.response();
    }

    @Transactional(readOnly = true)
    PageResponse<SimulationRunResponse> list(int page, int limit) {
        Page<SimulationRun> found = runs.findAll(
                PageRequest.of(page - 1, limit, Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id"))));
        return PageResponse.of(found.map(SimulationRun::response).getContent(), found.getTotalElements(), page, limit);
    }

    @Transactional(readOnly = true)
    SimulationRunResponse get(UUID id) {
        return runs.findById(id).map(SimulationRun::response).orElseThrow(() -> new SimulationRunNotFoundException(id));
    }

    private String unknownSource(String name) {
        String available =
                sources.available().stream().map(SimulationSource::name).collect(Collectors.joining(", "));
        if (name.equals(SimulationSources.IPINYOU) && !sources.configured(name)) {
            return "the ipinyou source is not configured here (AD_AUCTION_LOG and AD_AUCTION_STATISTICS); available: "
                    + available;
        }
        return sources.configured(name)
                ? "the " + name + " source cannot be read now; available: " + available
                : "unknown source; available: " + available;
    }
}

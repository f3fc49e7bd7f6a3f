package com.agentfactory.ad.simulation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the queued simulation runs, oldest first and one at a time, on a thread of its own: a run keeps a core busy
 * for seconds to minutes, which must not hold up the scheduler or the request threads.
 *
 * <p>A run is claimed with {@code FOR UPDATE SKIP LOCKED} and marked RUNNING in one transaction, replayed outside
 * any transaction, and completed or failed in another. While it replays, the worker renews the run's heartbeat on
 * every poll; a RUNNING run whose heartbeat is older than the lease was left by a process that died, and is queued
 * again at start-up and on every poll, so an accepted run is never lost. An instance claims only runs on sources it
 * has configured.
 */
@Component
class SimulationWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulationWorker.class);

    private final SimulationRunRepository runs;
    private final SimulationSources sources;
    private final SimulatorProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ThreadPoolTaskExecutor thread;
    private volatile UUID current;

    SimulationWorker(
            SimulationRunRepository runs,
            SimulationSources sources,
            SimulatorProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.runs = runs;
        this.sources = sources;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        // one thread draining the queue, and room for one more drain after it: a wake-up while it drains is kept,
        // any more would find nothing the queued drain will not
        this.thread = new ThreadPoolTaskExecutor();
        thread.setCorePoolSize(1);
        thread.setMaxPoolSize(1);
        thread.setQueueCapacity(1);
        thread.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        thread.setThreadNamePrefix("simulation-");
        // a run in progress does not hold up shutdown: its heartbeat stops and another instance takes it over
        thread.setDaemon(true);
        thread.initialize();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        recover();
    }

    @TransactionalEventListener
    void onRequested(SimulationRequested requested) {
        wake();
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.ad.simulator.worker.poll-interval:10s}",
            initialDelayString = "${agentfactory.ad.simulator.worker.poll-interval:10s}")
    void poll() {
        if (!properties.worker().enabled()) {
            return;
        }
        UUID running = current;
        if (running != null) {
            transactions.executeWithoutResult(
                    status -> runs.heartbeat(running, SimulationRunStatus.RUNNING, clock.instant()));
        }
        recover();
    }

    /**
     * Queues again the RUNNING runs whose heartbeat is older than the lease (their process died), then starts on the
     * queue.
     *
     * @return how many runs were queued again
     */
    int recover() {
        if (!properties.worker().enabled()) {
            return 0;
        }
        Integer requeued = transactions.execute(status -> runs.requeueAbandoned(
                SimulationRunStatus.RUNNING,
                SimulationRunStatus.QUEUED,
                clock.instant().minus(properties.worker().lease())));
        if (requeued != null && requeued > 0) {
            log.warn("Queued {} simulation run(s) again whose worker stopped renewing its heartbeat", requeued);
        }
        wake();
        return requeued == null ? 0 : requeued;
    }

    /** Starts draining the queue on the worker's thread, unless it is at it already. */
    void wake() {
        if (properties.worker().enabled()) {
            thread.execute(this::drain);
        }
    }

    @Override
    public void destroy() {
        thread.shutdown();
    }

    private void drain() {
        try {
            for (Optional<Claim> claim = claim(); claim.isPresent(); claim = claim()) {
                execute(claim.get());
            }
        } catch (RuntimeException e) {
            // the database went away between runs: the next poll tries again
            log.error("Simulation worker stopped draining the queue", e);
        }
    }

    /** What the replay needs of a claimed run, and the version that proves the claim is still this worker's. */
    private record Claim(
            UUID id,
            String source,
            List<String> policies,
            int episodeAuctions,
            double budgetRatio,
            long seed,
            long version) {}

    private Optional<Claim> claim() {
        return transactions.execute(
                status -> runs.claimOldestQueued(sources.names()).map(run -> {
                    run.start(clock.instant());
                    runs.saveAndFlush(run);
                    return new Claim(
                            run.getId(),
                            run.source(),
                            run.policies(),
                            run.episodeAuctions(),
                            run.budgetRatio().doubleValue(),
                            run.seed(),
                            run.version());
                }));
    }

    private void execute(Claim claim) {
        current = claim.id();
        try {
            SimulationSource source = sources.find(claim.source())
                    .orElseThrow(() ->
                            new SimulationInputException("the " + claim.source() + " source cannot be read here"));
            PolicyComparison.Comparison comparison = PolicyComparison.run(
                    source.market(claim.seed()),
                    claim.episodeAuctions(),
                    claim.budgetRatio(),
                    claim.policies(),
                    PolicyComparison.PARTS,
                    null,
                    (policy, part, result) -> {});
            List<SimulationResult> results = new ArrayList<>();
            Map<String, Map<String, Object>> details = new LinkedHashMap<>();
            for (PolicyComparison.PolicyOutcome outcome : comparison.policies()) {
                outcome.parts()
                        .forEach((part, result) -> results.add(SimulationResult.of(outcome.policy(), part, result)));
                details.put(outcome.policy(), outcome.details());
            }
            finish(claim, run -> run.complete(comparison.budget(), results, details, clock.instant()));
        } catch (SimulationInputException e) {
            finish(claim, run -> run.fail(e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            log.error("Simulation run {} failed", claim.id(), e);
            finish(claim, run -> run.fail("the simulation failed unexpectedly: " + e.getMessage(), clock.instant()));
        } finally {
            current = null;
        }
    }

    private void finish(Claim claim, Consumer<SimulationRun> transition) {
        try {
            transactions.executeWithoutResult(status -> {
                SimulationRun run = runs.findById(claim.id()).orElse(null);
                if (run == null || !Long.valueOf(claim.version()).equals(run.version())) {
                    log.warn(
                            "Simulation run {} was taken over while it ran here; its results here are dropped",
                            claim.id());
                    return;
                }
                transition.accept(run);
            });
        } catch (OptimisticLockingFailureException e) {
            log.warn("Simulation run {} was taken over as it finished here; its results here are dropped", claim.id());
        }
    }
}

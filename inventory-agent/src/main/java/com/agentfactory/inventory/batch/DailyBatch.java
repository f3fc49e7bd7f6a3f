package com.agentfactory.inventory.batch;

import com.agentfactory.inventory.alert.StockConditions;
import com.agentfactory.inventory.forecast.BatchForecasting;
import com.agentfactory.inventory.forecast.ForecastOrigin;
import com.agentfactory.inventory.purchasing.PurchaseOrders;
import com.agentfactory.inventory.stock.StockService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every SKU through the day's steps: a new version of the forecast models trained on every SKU with orders
 * and their forecasts stored, then the reorder plans, alert conditions, suggestions and approvals. The run's report
 * is stored when it starts and completed when it ends (failed, with the cause, if it stops), with a heartbeat as its
 * steps progress. Only one run runs at a time, whoever starts it on whichever instance: the database refuses a second
 * running run, and the second start is answered as a conflict. Each step of each SKU commits on its own and is
 * idempotent (a plan is recomputed, a condition alert is raised only on a crossing, a SKU has at most one open
 * suggestion), so a run that crashes loses nothing: the next run redoes what was not done and repeats nothing that
 * was.
 */
@Service
class DailyBatch {

    private static final Logger log = LoggerFactory.getLogger(DailyBatch.class);

    private final StockService stock;
    private final StockConditions conditions;
    private final PurchaseOrders orders;
    private final BatchForecasting forecasting;
    private final BatchRunRepository runs;
    private final BatchProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DailyBatch(
            StockService stock,
            StockConditions conditions,
            PurchaseOrders orders,
            BatchForecasting forecasting,
            BatchRunRepository runs,
            BatchProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.stock = stock;
        this.conditions = conditions;
        this.orders = orders;
        this.forecasting = forecasting;
        this.runs = runs;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    DailyBatchReport run(RunDailyBatchRequest request, IntConsumer progress) {
        return run(request, null, progress);
    }

    /**
     * A run for the task {@code taskId}: if a run started for that same task is still running, the task was delivered
     * again after the instance running it died (or gave it up), and that run is given up for this one.
     */
    DailyBatchReport run(RunDailyBatchRequest request, UUID taskId, IntConsumer progress) {
        LocalDate today = LocalDate.now(clock);
        if (request.origin() != null) {
            ForecastOrigin.requirePlausible(request.origin(), today);
        }
        UUID runId = start(taskId);
        Heartbeat heartbeat = new Heartbeat(runId);
        try {
            return steps(runId, request, heartbeat, done -> {
                heartbeat.beat();
                progress.accept(done);
            });
        } catch (RunGivenUpException givenUp) {
            // the run's record is the sweep's or the redelivered task's: this run must not overwrite it
            throw givenUp;
        } catch (Throwable e) {
            // an Error too (out of memory): the run must not read as running for good. It is thrown on as it came
            recordFailure(runId, e);
            throw e;
        }
    }

    private UUID start(UUID taskId) {
        return insertRunning(taskId, refused -> {
            if (taskId != null
                    && runs.interruptRunningOfTask(
                                    taskId, "interrupted: its task " + taskId + " was delivered again", clock.instant())
                            > 0) {
                // a second refusal is a run started meanwhile by someone else: a conflict like any other
                return insertRunning(taskId, again -> {
                    throw conflict(again);
                });
            }
            throw conflict(refused);
        });
    }

    // the database refuses a second running run; what then is the caller's
    private UUID insertRunning(UUID taskId, Function<DataIntegrityViolationException, UUID> whenRefused) {
        try {
            return runs.saveAndFlush(new BatchRun(clock.instant(), taskId)).getId();
        } catch (DataIntegrityViolationException refused) {
            return whenRefused.apply(refused);
        }
    }

    // the index allowing one running run; a run that ended meanwhile leaves the refusal as it came
    private RuntimeException conflict(DataIntegrityViolationException refused) {
        BatchRun running = runs.findFirstByStatus(BatchRun.Status.RUNNING).orElseThrow(() -> refused);
        return new BatchAlreadyRunningException(running.getId(), running.startedAt());
    }

    // outside any transaction of the steps (each save commits on its own); if even this fails the run stays running
    // until the stale run sweep gives it up
    private void recordFailure(UUID runId, Throwable cause) {
        try {
            BatchRun run = runs.findById(runId).orElseThrow();
            run.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), clock.instant());
            // a run given up meanwhile keeps the failure it was given up with
            saveWhileRunning(run);
        } catch (Throwable recording) {
            cause.addSuppressed(recording);
        }
    }

    // each save returns the stored copy, which the next change is made on
    private DailyBatchReport steps(
            UUID runId, RunDailyBatchRequest request, Heartbeat heartbeat, IntConsumer progress) {
        BatchRun run = runs.findById(runId).orElseThrow();
        List<String> skus = stock.stockedSkus();
        LocalDate origin = request.origin() != null ? request.origin() : LocalDate.now(clock);
        var version =
                forecasting.forecastAll(skus, origin, request.horizon(), done -> progress.accept(done * 40 / 100));
        if (version.skus() > 0) {
            run.forecastsMade(version.id(), version.version(), version.skus(), version.failedSkus(), version.errors());
        } else {
            run.forecastsSkipped(
                    version.errors().isEmpty()
                            ? "no SKU has orders before " + origin
                            : String.join("; ", version.errors()));
        }
        heartbeat.beatNow();
        run = saveWhileRunning(run);
        Map<String, Integer> alerts = new TreeMap<>();
        int suggested = 0;
        for (int i = 0; i < skus.size(); i++) {
            String sku = skus.get(i);
            suggested += orders.suggestFor(sku);
            conditions.check(sku).forEach(type -> alerts.merge(type, 1, Integer::sum));
            progress.accept(40 + (int) ((i + 1) * 50L / skus.size()));
        }
        int approved = 0;
        if (request.approving()) {
            for (UUID id : orders.suggestionsWithinAutoApprovalLimit()) {
                // each time: a run given up must not approve or order anything more beside the one that replaced it
                heartbeat.beatNow();
                if (orders.approveAndOrderAutomatically(id, "daily run: within the agent's approval limit")) {
                    approved++;
                }
            }
        }
        heartbeat.beatNow();
        int settled = orders.settleBudgets();
        run.succeeded(skus.size(), suggested, approved, alerts, settled, clock.instant());
        // finance may have taken long enough since the last heartbeat for the sweep to give the run up
        run = saveWhileRunning(run);
        // the run is no longer running: reporting its end is no sign of it having been given up
        heartbeat.ended();
        progress.accept(100);
        return new DailyBatchReport(
                run.getId(),
                run.startedAt(),
                run.finishedAt(),
                skus.size(),
                run.modelVersion(),
                run.forecastSkus(),
                suggested,
                approved,
                alerts,
                settled,
                List.copyOf(run.errors()));
    }

    /**
     * Saves the run's report unless the run was given up since its last heartbeat: saving it over the record of
     * whoever gave it up would set it running or succeeded again, though another run may be at work. The run's row
     * stays locked until the save commits, so a give-up cannot slip in between the check and the save.
     */
    private BatchRun saveWhileRunning(BatchRun run) {
        return ownTransaction.execute(status -> {
            if (!runs.lockIfRunning(run.getId())) {
                throw new RunGivenUpException(run.getId());
            }
            return runs.save(run);
        });
    }

    /**
     * Records that the run is at work, at most once a heartbeat interval unless asked to now. A heartbeat that cannot
     * be recorded does not stop the run: the next one may be, and only a run silent for long is given up. One that
     * finds the run no longer running stops it: the stale run sweep or a redelivery of its task gave it up, and
     * another run may be at work.
     */
    private final class Heartbeat {

        private final UUID runId;
        private Instant last;
        private boolean ended;

        Heartbeat(UUID runId) {
            this.runId = runId;
            this.last = clock.instant();
        }

        void beat() {
            if (clock.instant().isBefore(last.plus(properties.heartbeatInterval()))) {
                return;
            }
            beatNow();
        }

        void ended() {
            ended = true;
        }

        void beatNow() {
            if (ended) {
                return;
            }
            Instant now = clock.instant();
            int running;
            try {
                running = runs.beat(runId, now);
            } catch (RuntimeException e) {
                log.warn("Recording a heartbeat of daily run {} failed: {}", runId, e.getMessage());
                return;
            }
            if (running == 0) {
                throw new RunGivenUpException(runId);
            }
            last = now;
        }
    }

    /** The run was given up while at work; it stops where it is, leaving its record as the one giving it up wrote. */
    static final class RunGivenUpException extends IllegalStateException {

        RunGivenUpException(UUID runId) {
            super("daily run " + runId + " was given up while at work: it stops");
        }
    }
}

package com.agentfactory.inventory.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.agentfactory.inventory.alert.StockConditions;
import com.agentfactory.inventory.forecast.BatchForecasting;
import com.agentfactory.inventory.purchasing.PurchaseOrders;
import com.agentfactory.inventory.stock.StockService;
import com.agentfactory.inventory.support.InventoryIntegrationTest;
import com.agentfactory.inventory.support.RoleApi;
import com.agentfactory.inventory.support.TaskRuntimeTransaction;
import com.agentfactory.messaging.error.ConflictException;
import com.agentfactory.messaging.error.FailureKind;
import com.agentfactory.messaging.error.FieldErrorDetail;
import com.agentfactory.messaging.error.RuleViolationException;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.testing.Api;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

class BatchRunIT extends InventoryIntegrationTest {

    // weeks of orders far from other tests' dates, so the run's groups are these SKUs'
    private static final LocalDate ORIGIN = LocalDate.of(2009, 7, 6);
    private static final int[] WEEK = {2, 3, 3, 4, 6, 9, 1};

    @Autowired
    DailyBatch batch;

    @Autowired
    RunDailyBatchTaskHandler batchTask;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ProcessedMessages processedMessages;

    @LocalServerPort
    int serverPort;

    @Autowired
    BatchRunRepository runs;

    @Autowired
    BatchProperties properties;

    @Autowired
    StockService stock;

    @Autowired
    StockConditions conditions;

    @Autowired
    PurchaseOrders purchaseOrders;

    @Autowired
    BatchForecasting forecasting;

    @Autowired
    Clock clock;

    @Test
    void aLongRunStillBeatingIsLeftAndOneSilentForLongIsGivenUpAsInterrupted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var sweep = new StaleBatchRunSweep(runs, properties, Clock.fixed(now, ZoneOffset.UTC));
        UUID run = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO batch_runs (id, status, started_at, heartbeat_at) VALUES (?, 'RUNNING', ?, ?)",
                run,
                Timestamp.from(now.minus(Duration.ofHours(7))),
                Timestamp.from(now.minus(Duration.ofMinutes(1))));
        try {
            assertThat(sweep.interruptStale()).isZero();
            assertThat(api.get("/api/v1/inventory/batch-runs/" + run).text("/status"))
                    .as("running for 7 hours, but at work")
                    .isEqualTo("running");

            jdbc.update(
                    "UPDATE batch_runs SET heartbeat_at = ? WHERE id = ?",
                    Timestamp.from(now.minus(properties.silentAfter()).minusSeconds(1)),
                    run);
            assertThat(sweep.interruptStale()).isEqualTo(1);

            Api.Response givenUp = api.get("/api/v1/inventory/batch-runs/" + run);
            assertThat(givenUp.text("/status")).isEqualTo("failed");
            assertThat(givenUp.text("/failure")).startsWith("interrupted");
            assertThat(givenUp.body().path("duration_ms").asLong())
                    .isEqualTo(Duration.ofHours(7).toMillis());
        } finally {
            // a made-up run must not stand for one at work in other tests
            jdbc.update("DELETE FROM batch_runs WHERE id = ?", run);
        }
    }

    @Test
    void aRunStartedByAnInstanceOfThePreviousReleaseIsRecordedAndLeftAloneByTheSweep() {
        var sweep = new StaleBatchRunSweep(runs, properties, clock);
        UUID run = UUID.randomUUID();
        try {
            // as the previous release inserts a run, knowing nothing of heartbeats
            jdbc.update(
                    "INSERT INTO batch_runs (id, status, started_at) VALUES (?, 'RUNNING', now() - interval '7 hours')",
                    run);

            assertThat(sweep.interruptStale()).isZero();
            assertThat(api.get("/api/v1/inventory/batch-runs/" + run).text("/status"))
                    .isEqualTo("running");
        } finally {
            jdbc.update("DELETE FROM batch_runs WHERE id = ?", run);
        }
    }

    @Test
    void aRunBeatsAsItsStepsProgress() {
        // a step per SKU: three, so that the run progresses more than twice even when no other test stocked any
        for (int i = 0; i < 3; i++) {
            stocked(5);
        }
        var beatingOften = new BatchProperties(Duration.ofNanos(1), Duration.ofMinutes(30), Duration.ofMinutes(10));
        var batch = new DailyBatch(
                stock, conditions, purchaseOrders, forecasting, runs, beatingOften, transactionManager, clock);
        List<Instant> heartbeats = new ArrayList<>();

        DailyBatchReport report = batch.run(
                new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7),
                // the newest run is this one; at 100 it has already ended
                done -> heartbeats.add(jdbc.queryForObject(
                        "SELECT heartbeat_at FROM batch_runs ORDER BY started_at DESC LIMIT 1", Instant.class)));

        assertThat(heartbeats).hasSizeGreaterThan(2).isSorted();
        assertThat(heartbeats.getLast()).isAfter(report.startedAt());
    }

    @Test
    void aSecondRunStartedWhileOneIsRunningIsRefusedAsAConflict() throws Exception {
        stocked(5);
        var request = new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7);
        var firstAtWork = new CountDownLatch(1);
        var secondRefused = new CountDownLatch(1);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<DailyBatchReport> first = executor.submit(() -> batch.run(request, done -> {
                firstAtWork.countDown();
                awaitQuietly(secondRefused);
            }));
            assertThat(firstAtWork.await(30, TimeUnit.SECONDS)).isTrue();

            Future<DailyBatchReport> second = executor.submit(() -> batch.run(request, done -> {}));
            Throwable refused = catchThrowable(() -> second.get(30, TimeUnit.SECONDS));
            secondRefused.countDown();

            assertThat(refused).cause().isInstanceOf(ConflictException.class).hasMessageContaining("running");
            assertThat(first.get(60, TimeUnit.SECONDS).skus()).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_runs WHERE status = 'RUNNING'", Long.class))
                .isZero();
    }

    @Test
    void aRunAsATaskWhileAnotherInstancesRunIsRunningFailsAsAConflictAndRecordsNoRun() {
        var runtime = new TaskRuntimeTransaction(transactionManager, processedMessages);
        UUID elsewhere = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO batch_runs (id, status, started_at, heartbeat_at) VALUES (?, 'RUNNING', now(), now())",
                elsewhere);
        try {
            long runsBefore = jdbc.queryForObject("SELECT count(*) FROM batch_runs", Long.class);

            assertThatThrownBy(() -> runtime.run(
                            RunDailyBatchTaskHandler.TASK_TYPE,
                            context -> batchTask.handle(
                                    new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7), context)))
                    .isInstanceOfSatisfying(ConflictException.class, conflict -> assertThat(conflict.kind())
                            .isEqualTo(FailureKind.CONFLICT))
                    .hasMessageContaining(elsewhere.toString());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_runs", Long.class))
                    .isEqualTo(runsBefore);
        } finally {
            jdbc.update("DELETE FROM batch_runs WHERE id = ?", elsewhere);
        }
    }

    @Test
    void aTaskDeliveredAgainAfterItsInstanceDiedMidRunGivesUpItsOwnRunAndRunsAgain() {
        var runtime = new TaskRuntimeTransaction(transactionManager, processedMessages);
        UUID task = UUID.randomUUID();
        UUID dead = UUID.randomUUID();
        // what the instance that died left: its run still running, beating a moment ago
        jdbc.update(
                "INSERT INTO batch_runs (id, status, started_at, heartbeat_at, task_id)"
                        + " VALUES (?, 'RUNNING', now() - interval '5 minutes', now(), ?)",
                dead,
                task);
        try {
            DailyBatchReport again = runtime.run(
                    task,
                    RunDailyBatchTaskHandler.TASK_TYPE,
                    context -> batchTask.handle(new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7), context));

            assertThat(api.get("/api/v1/inventory/batch-runs/" + again.runId()).text("/status"))
                    .isEqualTo("succeeded");
            Api.Response givenUp = api.get("/api/v1/inventory/batch-runs/" + dead);
            assertThat(givenUp.text("/status")).isEqualTo("failed");
            assertThat(givenUp.text("/failure")).startsWith("interrupted").contains(task.toString());
        } finally {
            jdbc.update("DELETE FROM batch_runs WHERE id = ?", dead);
        }
    }

    @Test
    void aRunGivenUpWhileAtWorkStopsBeforeApprovingAnythingAndKeepsTheFailureItWasGivenUpWith() {
        String id = draftedOrder(stocked(0));
        var beatingOften = new BatchProperties(Duration.ofNanos(1), Duration.ofMinutes(30), Duration.ofMinutes(10));
        var batch = new DailyBatch(
                stock, conditions, purchaseOrders, forecasting, runs, beatingOften, transactionManager, clock);
        var givenUp = new AtomicBoolean();

        assertThatThrownBy(() -> batch.run(new RunDailyBatchRequest(true, LocalDate.of(1990, 1, 1), 7), done -> {
                    // the sweep, or a redelivery of its task, gives the run up while it is at work
                    if (givenUp.compareAndSet(false, true)) {
                        jdbc.update("UPDATE batch_runs SET status = 'FAILED', failure = 'interrupted: given up',"
                                + " finished_at = now() WHERE status = 'RUNNING'");
                    }
                }))
                .hasMessageContaining("given up");

        assertThat(api.get("/api/v1/inventory/purchase-orders/" + id).text("/status"))
                .isEqualTo("suggested");
        assertThat(jdbc.queryForList(
                        "SELECT status || ':' || failure FROM batch_runs ORDER BY started_at DESC LIMIT 1",
                        String.class))
                .containsExactly("FAILED:interrupted: given up");
    }

    @Test
    void aRunGivenUpAfterItsLastHeartbeatKeepsTheFailureItWasGivenUpWithInsteadOfSucceeding() {
        stocked(0);
        String giveUp = "give_up_after_last_beat";
        try {
            assertThatThrownBy(() -> batch.run(new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7), done -> {
                        if (done == 90) {
                            // every SKU done: the next heartbeat is the last before the budgets are settled, and
                            // the sweep gives the run up just after it
                            givingUpAfterTheNextHeartbeat(giveUp);
                        }
                    }))
                    .hasMessageContaining("given up");
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + giveUp + " ON batch_runs");
            jdbc.execute("DROP FUNCTION IF EXISTS " + giveUp + "()");
        }

        assertThat(jdbc.queryForList(
                        "SELECT status || ':' || failure FROM batch_runs ORDER BY started_at DESC LIMIT 1",
                        String.class))
                .containsExactly("FAILED:interrupted: given up after its last heartbeat");
    }

    @Test
    void storesEachRunsReportWithTheForecastModelVersionItTrained() {
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            String sku = stocked(10_000);
            for (int day = 1; day <= 26 * 7; day++) {
                jdbc.update(
                        "INSERT INTO daily_demand (sku, location, day, units) VALUES (?, 'main', ?, ?)",
                        sku,
                        ORIGIN.minusDays(day),
                        (s + 1) * WEEK[Math.floorMod(-day, 7)]);
            }
            skus.add(sku);
        }

        DailyBatchReport first = batch.run(new RunDailyBatchRequest(false, ORIGIN, 14), done -> {});
        DailyBatchReport second = batch.run(new RunDailyBatchRequest(false, ORIGIN, 14), done -> {});

        assertThat(first.modelVersion()).isNotNull();
        assertThat(second.modelVersion()).isEqualTo(first.modelVersion() + 1);
        assertThat(first.forecastSkus()).isGreaterThanOrEqualTo(3);
        Api.Response run = api.get("/api/v1/inventory/batch-runs/" + first.runId());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.text("/status")).isEqualTo("succeeded");
        assertThat(run.body().path("model_version").asInt()).isEqualTo(first.modelVersion());
        assertThat(run.body().path("skus").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(run.body().path("duration_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(run.body().path("started_at").asString()).isNotBlank();
        assertThat(run.body().path("finished_at").asString()).isNotBlank();
        assertThat(run.body().path("model_errors").propertyNames())
                .contains("ets", "croston", "sba", "tsb", "median_8", "xgboost", "ensemble");
        UUID model = UUID.fromString(run.text("/forecast_model_id"));
        for (String sku : skus) {
            assertThat(jdbc.queryForObject(
                            "SELECT array_length(expected, 1) FROM sku_forecasts WHERE model_id = ? AND sku = ?",
                            Integer.class,
                            model,
                            sku))
                    .isEqualTo(14);
        }
        // the biggest SKU sells 3 x 9 on Saturdays: its stored Saturday forecast is near that
        double saturday = jdbc.queryForObject(
                "SELECT expected[6] FROM sku_forecasts WHERE model_id = ? AND sku = ?",
                Double.class,
                model,
                skus.get(2));
        assertThat(ORIGIN.plusDays(5).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        assertThat(saturday).isBetween(27 * 0.75, 27 * 1.25);

        Api.Response list = api.get("/api/v1/inventory/batch-runs?limit=100");
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
        assertThat(ids)
                .containsSubsequence(second.runId().toString(), first.runId().toString());
    }

    @Test
    void reportsARunWithNothingToForecastAsSuchAndStillRunsTheOtherSteps() {
        stocked(5);

        DailyBatchReport report = batch.run(new RunDailyBatchRequest(false, LocalDate.of(1990, 1, 1), 7), done -> {});

        assertThat(report.modelVersion()).isNull();
        assertThat(report.errors()).singleElement().asString().startsWith("no forecasts:");
        Api.Response run = api.get("/api/v1/inventory/batch-runs/" + report.runId());
        assertThat(run.text("/status")).isEqualTo("succeeded");
        assertThat(run.body().path("skus").asInt()).isEqualTo(report.skus()).isPositive();
    }

    @Test
    void placesAnOrderItApprovedInARunThatStoppedBeforePlacingIt() {
        String sku = stocked(0);
        String id = draftedOrder(sku);
        String path = "/api/v1/inventory/purchase-orders/" + id;
        refusingPlacementOf(id, () -> assertThatThrownBy(
                        () -> batch.run(new RunDailyBatchRequest(true, LocalDate.of(1990, 1, 1), 7), done -> {}))
                .isInstanceOf(RuntimeException.class));
        assertThat(api.get(path).text("/status")).isEqualTo("approved");

        batch.run(new RunDailyBatchRequest(true, LocalDate.of(1990, 1, 1), 7), done -> {});

        Api.Response order = api.get(path);
        assertThat(order.text("/status")).isEqualTo("ordered");
        assertThat(order.body()
                        .path("history")
                        .valueStream()
                        .map(change -> change.path("to_status").asString() + ":"
                                + change.path("actor").asString())
                        .toList())
                .containsExactly("suggested:maria", "approved:agent:inventory-agent", "ordered:agent:inventory-agent");
        assertThat(stockOf(sku).body().path("in_transit").asInt()).isEqualTo(10);
    }

    @Test
    void aRunAsATaskThatStopsAtALaterStepKeepsTheStepsItCommittedAndItsFailure() {
        var runtime = new TaskRuntimeTransaction(transactionManager, processedMessages);
        String id = draftedOrder(stocked(0));
        var request = new RunDailyBatchRequest(true, LocalDate.of(1990, 1, 1), 7);

        refusingPlacementOf(id, () -> assertThatThrownBy(() ->
                        runtime.run(RunDailyBatchTaskHandler.TASK_TYPE, context -> batchTask.handle(request, context)))
                .isInstanceOf(RuntimeException.class));

        Api.Response order = api.get("/api/v1/inventory/purchase-orders/" + id);
        assertThat(order.text("/status"))
                .as("its approval committed before placing failed")
                .isEqualTo("approved");
        assertThat(order.text("/budget_reservation_id"))
                .as("the reservation finance made is recorded")
                .isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM batch_runs WHERE status = 'FAILED' AND failure LIKE ?",
                        Long.class,
                        "%stopped before placing " + id + "%"))
                .isEqualTo(1);
    }

    @Test
    void refusesAnOriginOutsideACenturyOfTodayBeforeRecordingARun() {
        long runs = jdbc.queryForObject("SELECT count(*) FROM batch_runs", Long.class);

        assertThatThrownBy(() -> batch.run(new RunDailyBatchRequest(false, LocalDate.MIN, 7), done -> {}))
                .isInstanceOfSatisfying(RuleViolationException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldErrorDetail::field)
                        .containsExactly("origin"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_runs", Long.class))
                .isEqualTo(runs);
    }

    @Test
    void answersUnknownRunsAndBadPagesWithProblems() {
        assertThat(api.get("/api/v1/inventory/batch-runs/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        Api.Response badLimit = api.get("/api/v1/inventory/batch-runs?limit=1000");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/inventory/batch-runs/not-a-uuid").status()).isEqualTo(400);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String draftedOrder(String sku) {
        RoleApi manager = new RoleApi(serverPort, "maria", "MARKETING_MANAGER");
        String supplierId = manager.post(
                        "/api/v1/inventory/suppliers",
                        Map.of(
                                "name", "Supplier of " + sku,
                                "lead_time_days", 5,
                                "minimum_order", 1,
                                "pack_size", 1,
                                "unit_cost", 1,
                                "currency", "GBP",
                                "skus", List.of(sku)))
                .text("/id");
        return manager.post(
                        "/api/v1/inventory/purchase-orders",
                        Map.of(
                                "supplier_id",
                                supplierId,
                                "reason",
                                "needed",
                                "lines",
                                List.of(Map.of("sku", sku, "quantity", 10))))
                .text("/id");
    }

    /** The next heartbeat of the running run is recorded, and the run is given up as the same statement commits. */
    private void givingUpAfterTheNextHeartbeat(String trigger) {
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " NEW.status := 'FAILED'; NEW.failure := 'interrupted: given up after its last heartbeat';"
                + " NEW.finished_at := now(); RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON batch_runs FOR EACH ROW"
                + " WHEN (OLD.status = 'RUNNING' AND NEW.heartbeat_at IS DISTINCT FROM OLD.heartbeat_at)"
                + " EXECUTE FUNCTION " + trigger + "()");
    }

    /** The run stops between approving and placing {@code id}: the placement's update is refused, as a crash would. */
    private void refusingPlacementOf(String id, Runnable run) {
        String trigger = "refuse_placing_" + id.replace("-", "");
        jdbc.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS"
                + " $$ BEGIN RAISE EXCEPTION 'the run stopped before placing " + id + "'; END $$");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON purchase_orders FOR EACH ROW"
                + " WHEN (NEW.id = '" + id + "' AND NEW.status = 'ORDERED') EXECUTE FUNCTION " + trigger + "()");
        try {
            run.run();
        } finally {
            jdbc.execute("DROP TRIGGER " + trigger + " ON purchase_orders");
            jdbc.execute("DROP FUNCTION " + trigger + "()");
        }
    }
}

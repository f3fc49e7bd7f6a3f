package com.agentfactory.campaign.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction of the durable timer: claim a batch of due enrolments (rows other instances hold are
 * skipped), run their steps, write them back with the sends the steps asked for, commit. A crash before the
 * commit leaves the rows due as they were, so the batch runs again and writes the same sends once.
 *
 * <p>A batch that fails as a whole (an error the engine does not expect, or the database refusing what a step
 * wrote) is run again one enrolment at a time, each in a savepoint: the enrolment at fault is failed with the
 * reason and the others go on. Without that the same oldest due row would head every batch and stop every
 * journey.
 */
@Component
class JourneyRunner {

    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);
    // journey_enrolments.end_reason is VARCHAR(500)
    private static final int MAX_REASON_LENGTH = 500;

    private final Enrolments enrolments;
    private final JourneyCatalogue catalogue;
    private final JourneyEngine engine;
    private final Clock clock;
    private final TransactionTemplate batch;
    private final JdbcTemplate jdbc;

    JourneyRunner(
            Enrolments enrolments,
            JourneyCatalogue catalogue,
            JourneyEngine engine,
            Clock clock,
            PlatformTransactionManager transactions,
            JdbcTemplate jdbc) {
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.engine = engine;
        this.clock = clock;
        this.batch = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    /** Runs one batch; returns the enrolments claimed and the steps run. */
    BatchResult runDue(int limit) {
        try {
            return batch.execute(status -> runTogether(limit));
        } catch (RuntimeException e) {
            log.warn("A batch of due enrolments failed; running it again one enrolment at a time", e);
            return batch.execute(status -> runOneByOne(limit));
        }
    }

    // the usual path: one batched write for the whole batch, which is what the throughput rests on
    private BatchResult runTogether(int limit) {
        Instant now = clock.instant();
        List<Enrolment> due = enrolments.claimDue(now, limit);
        int steps = 0;
        for (Enrolment enrolment : due) {
            steps += advance(enrolment, now);
        }
        if (!due.isEmpty()) {
            enrolments.saveAll(due, now);
        }
        return new BatchResult(due.size(), steps);
    }

    private BatchResult runOneByOne(int limit) {
        Instant now = clock.instant();
        List<Enrolment> due = enrolments.claimDue(now, limit);
        int steps = 0;
        for (Enrolment enrolment : due) {
            String step = enrolment.currentStep;
            int stepsRun = enrolment.stepsRun;
            Map<String, Object> context = new HashMap<>(enrolment.context);
            // in SQL rather than as a nested transaction, which the JPA transaction manager does not allow
            jdbc.execute("SAVEPOINT enrolment");
            try {
                steps += advance(enrolment, now);
                enrolments.saveAll(List.of(enrolment), now);
                jdbc.execute("RELEASE SAVEPOINT enrolment");
            } catch (RuntimeException e) {
                log.warn("Enrolment {} failed at step {}", enrolment.id, step, e);
                jdbc.execute("ROLLBACK TO SAVEPOINT enrolment");
                // the savepoint undid the sends of this run, so the enrolment stays where the run began
                enrolment.currentStep = step;
                enrolment.stepsRun = stepsRun;
                enrolment.context.clear();
                enrolment.context.putAll(context);
                enrolment.waitingFor = null;
                enrolment.waitNext = null;
                fail(enrolment, "step '" + step + "' failed: " + NestedExceptionUtils.getMostSpecificCause(e));
                enrolments.saveAll(List.of(enrolment), now);
            }
        }
        return new BatchResult(due.size(), steps);
    }

    private int advance(Enrolment enrolment, Instant now) {
        try {
            return engine.advance(enrolment, catalogue.get(enrolment.journeyId), now);
        } catch (IllegalStateException | JourneyNotFoundException e) {
            fail(enrolment, e.getMessage());
            return 0;
        }
    }

    private static void fail(Enrolment enrolment, String reason) {
        enrolment.status = Enrolment.FAILED;
        enrolment.endReason =
                reason != null && reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        enrolment.dueAt = null;
    }

    record BatchResult(int claimed, int steps) {}
}

package com.agentfactory.campaign.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One transaction of the durable timer: claim a batch of due enrolments (rows other instances hold are
 * skipped), run their steps, write them back with the sends the steps asked for, commit. A crash before the
 * commit leaves the rows due as they were, so the batch runs again and writes the same sends once.
 */
@Component
class JourneyRunner {

    private final Enrolments enrolments;
    private final JourneyCatalogue catalogue;
    private final JourneyEngine engine;
    private final Clock clock;

    JourneyRunner(Enrolments enrolments, JourneyCatalogue catalogue, JourneyEngine engine, Clock clock) {
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.engine = engine;
        this.clock = clock;
    }

    /** Runs one batch; returns the enrolments claimed and the steps run. */
    @Transactional
    BatchResult runDue(int limit) {
        Instant now = clock.instant();
        List<Enrolment> due = enrolments.claimDue(now, limit);
        int steps = 0;
        for (Enrolment enrolment : due) {
            try {
                steps += engine.advance(enrolment, catalogue.get(enrolment.journeyId), now);
            } catch (IllegalStateException | JourneyNotFoundException e) {
                enrolment.status = Enrolment.FAILED;
                enrolment.endReason = e.getMessage();
                enrolment.dueAt = null;
            }
        }
        if (!due.isEmpty()) {
            enrolments.saveAll(due, now);
        }
        return new BatchResult(due.size(), steps);
    }

    record BatchResult(int claimed, int steps) {}
}

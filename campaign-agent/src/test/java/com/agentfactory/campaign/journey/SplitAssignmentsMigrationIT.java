package com.agentfactory.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The migration that keyed split assignments by enrolment, run again over a table put back the way it was before it,
 * in a transaction that is rolled back: the database the other tests use keeps what it had.
 */
class SplitAssignmentsMigrationIT extends CampaignIntegrationTest {

    private static final String MIGRATION = "db/migration/campaign/V16__split_assignments_per_enrolment.sql";

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void givesEachStoredAssignmentTheEnrolmentTheCustomerWasInWhenTheSplitRan() throws IOException {
        String script = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);
        UUID journey = UUID.randomUUID();
        UUID returning = UUID.randomUUID();
        UUID unmatched = UUID.randomUUID();
        UUID firstEntry = UUID.randomUUID();
        UUID secondEntry = UUID.randomUUID();
        Instant now = Instant.now();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.execute("DELETE FROM split_assignments");
            jdbc.execute("DROP INDEX split_assignments_enrolment_idx, split_assignments_unmatched_idx,"
                    + " split_assignments_customer_idx");
            jdbc.execute("ALTER TABLE split_assignments DROP COLUMN enrolment_id");
            jdbc.execute("ALTER TABLE split_assignments ADD PRIMARY KEY (journey_id, step_id, customer_id)");
            jdbc.update("""
                    INSERT INTO journeys (id, name, definition, trigger_type, active, created_by, created_at,
                                          updated_at, version)
                    VALUES (?, ?, '{}', 'segment_entry', true, 'test', ?, ?, 0)
                    """, journey, "Split before enrolments " + journey, Timestamp.from(now), Timestamp.from(now));
            enrolment(firstEntry, journey, returning, now.minus(Duration.ofDays(3)), "completed");
            enrolment(secondEntry, journey, returning, now.minus(Duration.ofHours(1)), "active");
            // the second entry's split overwrote the first's, as the table kept one row per customer
            assignment(journey, returning, now.minus(Duration.ofHours(1)));
            assignment(journey, unmatched, now);

            jdbc.execute(script);

            assertThat(enrolmentOf(journey, returning))
                    .as("the enrolment the customer was in when the split ran")
                    .isEqualTo(secondEntry);
            assertThat(enrolmentOf(journey, unmatched))
                    .as("no enrolment: read by customer as before")
                    .isNull();
            jdbc.update("""
                    INSERT INTO split_assignments (journey_id, step_id, enrolment_id, customer_id, branch_index,
                                                   next_step, holdout, assigned_at)
                    VALUES (?, 'split', ?, ?, 1, 'held_out', true, ?)
                    """, journey, firstEntry, returning, Timestamp.from(now.minus(Duration.ofDays(3))));
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM split_assignments WHERE journey_id = ? AND customer_id = ?",
                            Long.class,
                            journey,
                            returning))
                    .as("another entry of the same customer has its own assignment")
                    .isEqualTo(2);
        });
    }

    private void enrolment(UUID id, UUID journey, UUID customer, Instant enteredAt, String status) {
        jdbc.update("""
                INSERT INTO journey_enrolments (id, journey_id, customer_id, status, context, entered_at, updated_at)
                VALUES (?, ?, ?, ?, '{}', ?, ?)
                """, id, journey, customer, status, Timestamp.from(enteredAt), Timestamp.from(enteredAt));
    }

    private void assignment(UUID journey, UUID customer, Instant at) {
        jdbc.update("""
                INSERT INTO split_assignments (journey_id, step_id, customer_id, branch_index, next_step, holdout,
                                               assigned_at)
                VALUES (?, 'split', ?, 1, 'held_out', true, ?)
                """, journey, customer, Timestamp.from(at));
    }

    private UUID enrolmentOf(UUID journey, UUID customer) {
        return jdbc.queryForObject(
                "SELECT enrolment_id FROM split_assignments WHERE journey_id = ? AND customer_id = ?",
                UUID.class,
                journey,
                customer);
    }
}

package com.agentfactory.campaign.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The branch each enrolment was given at each split. Every assignment is recorded with the step it leads to, so a
 * holdout arm's customers are known though nothing is sent to them, and with its enrolment, so each entry of a
 * customer who enters again is measured from that entry, as its send is (the experiment still counts the customer
 * once: they keep their arm, so their entries are not independent units). At a split stratified by
 * segment a customer keeps the branch they were first given; a new one takes the next place in their stratum's sequence, whose
 * permuted block decides the branch. The stratum's counter row is updated in the enrolment's transaction, so
 * concurrent arrivals in a stratum take distinct places.
 */
@Repository
class SplitAssignments {

    /** The stratum of a customer in none of the split's segments. */
    static final String NO_STRATUM = "none";

    private final JdbcTemplate jdbc;

    SplitAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's branch at a split: its index, and for a stratified split the stratum and place in it. */
    record Assignment(int branch, String stratum, Long position) {}

    /** The customer's branch at a stratified split: the one they had before, or the next place in the stratum. */
    Assignment stratified(UUID journeyId, String stepId, UUID customerId, String stratum, List<Integer> weights) {
        List<Assignment> earlier = jdbc.query(
                """
                SELECT branch_index, stratum, position FROM split_assignments
                WHERE journey_id = ? AND step_id = ? AND customer_id = ? AND position IS NOT NULL
                ORDER BY assigned_at
                LIMIT 1
                """,
                (rs, row) -> new Assignment(rs.getInt("branch_index"), rs.getString("stratum"), rs.getLong("position")),
                journeyId,
                stepId,
                customerId);
        if (!earlier.isEmpty() && earlier.getFirst().branch() < weights.size()) {
            return earlier.getFirst();
        }
        long position = jdbc.queryForObject("""
                INSERT INTO split_strata (journey_id, step_id, stratum, assigned) VALUES (?, ?, ?, 1)
                ON CONFLICT (journey_id, step_id, stratum) DO UPDATE SET assigned = split_strata.assigned + 1
                RETURNING assigned - 1
                """, Long.class, journeyId, stepId, stratum);
        int branch = BlockRandomisation.branchAt(weights, journeyId + "/" + stepId + "/" + stratum, position);
        return new Assignment(branch, stratum, position);
    }

    /**
     * Records the enrolment's branch and {@code armSteps}, the steps only that branch leads to as the journey stands
     * now (see {@link CompiledJourney#stepsOnlyReachedFrom}): an experiment counts the customer in the arm they were
     * given even when the journey's stored definition is changed later. A split inside a loop (through a wait) is
     * passed again by the same enrolment and keeps its first assignment, as a step inside a loop sends only on the
     * first pass: the send and the assignment it is measured from stay one pair.
     */
    void record(
            UUID journeyId,
            String stepId,
            UUID enrolmentId,
            UUID customerId,
            Assignment assignment,
            SplitBranch branch,
            List<String> armSteps,
            Instant at) {
        jdbc.update(
                """
                INSERT INTO split_assignments (journey_id, step_id, enrolment_id, customer_id, stratum, branch_index,
                                               next_step, holdout, position, arm_steps, assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (journey_id, step_id, enrolment_id) DO NOTHING
                """,
                journeyId,
                stepId,
                enrolmentId,
                customerId,
                assignment.stratum(),
                assignment.branch(),
                branch.next(),
                branch.isHoldout(),
                assignment.position(),
                armSteps.toArray(String[]::new),
                Timestamp.from(at));
    }
}

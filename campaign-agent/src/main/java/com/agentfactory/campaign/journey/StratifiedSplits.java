package com.agentfactory.campaign.journey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Assignments at splits stratified by segment. A customer keeps the branch they were first given; a new one takes
 * the next place in their stratum's sequence, whose permuted block decides the branch. The stratum's counter row is
 * updated in the enrolment's transaction, so concurrent arrivals in a stratum take distinct places.
 */
@Repository
class StratifiedSplits {

    /** The stratum of a customer in none of the split's segments. */
    static final String NO_STRATUM = "none";

    private final JdbcTemplate jdbc;

    StratifiedSplits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The index of the customer's branch at the split. */
    int assign(UUID journeyId, String stepId, UUID customerId, String stratum, List<Integer> weights, Instant now) {
        List<Integer> earlier = jdbc.queryForList(
                "SELECT branch_index FROM split_assignments WHERE journey_id = ? AND step_id = ? AND customer_id = ?",
                Integer.class,
                journeyId,
                stepId,
                customerId);
        if (!earlier.isEmpty() && earlier.getFirst() < weights.size()) {
            return earlier.getFirst();
        }
        long position = jdbc.queryForObject("""
                INSERT INTO split_strata (journey_id, step_id, stratum, assigned) VALUES (?, ?, ?, 1)
                ON CONFLICT (journey_id, step_id, stratum) DO UPDATE SET assigned = split_strata.assigned + 1
                RETURNING assigned - 1
                """, Long.class, journeyId, stepId, stratum);
        int branch = BlockRandomisation.branchAt(weights, journeyId + "/" + stepId + "/" + stratum, position);
        jdbc.update("""
                INSERT INTO split_assignments (journey_id, step_id, customer_id, stratum, branch_index, position,
                                               assigned_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (journey_id, step_id, customer_id) DO UPDATE SET
                    stratum = EXCLUDED.stratum, branch_index = EXCLUDED.branch_index, position = EXCLUDED.position,
                    assigned_at = EXCLUDED.assigned_at
                """, journeyId, stepId, customerId, stratum, branch, position, Timestamp.from(now));
        return branch;
    }
}

package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The stale-task sweep runs every minute on every replica, over a table of mostly finished tasks. */
class StaleTaskSweepQueryIT extends SupervisorIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void readsTheTasksAnAgentHoldsLongestQuietFirstFromItsOwnIndexWithoutSorting() {
        Instant now = Instant.now();

        List<String> plan = transactions.execute(status -> {
            // the test's table is small enough to read whole; a production one is not
            jdbc.execute("SET LOCAL enable_seqscan = off");
            return jdbc.queryForList(
                    "EXPLAIN " + TaskRepository.LOCK_STALE,
                    String.class,
                    TaskRepository.timestamp(now.minus(Duration.ofMinutes(30))),
                    TaskRepository.timestamp(now),
                    500);
        });

        assertThat(String.join("\n", plan))
                .contains("Index Scan using tasks_with_agent_updated_at_idx")
                .doesNotContain("Sort");
    }
}

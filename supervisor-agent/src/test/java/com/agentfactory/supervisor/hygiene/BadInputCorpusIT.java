package com.agentfactory.supervisor.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.BadInputCorpus;
import com.agentfactory.supervisor.support.SupervisorIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every operation of the supervisor's API, sent the bad-input corpus: no 5xx, problem details, nothing half-written. */
class BadInputCorpusIT extends SupervisorIntegrationTest {

    @LocalServerPort
    int serverPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersEveryBadInputWithAProblemAndWritesNothing() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort)
                .unchangedWhenRefused("tasks", () -> count("tasks"))
                .unchangedWhenRefused("commerce_events", () -> count("commerce_events"))
                .run();

        assertThat(report.operations()).contains("POST /api/v1/agents/tasks", "POST /api/v1/agents/tasks/batch");
        assertThat(report.violations()).isEmpty();
        assertThat(AccessMatrix.load().missing(report.operations()))
                .as("operations without a row in " + AccessMatrix.FILE)
                .isEmpty();
    }

    @Test
    void refusesEveryOperationWithoutAValidTokenAndChangesNothing() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort)
                .unchangedWhenRefused("tasks", () -> count("tasks"))
                .unchangedWhenRefused("commerce_events", () -> count("commerce_events"))
                .runWithoutValidToken();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM supervisor." + table)
                .query(Long.class)
                .single();
    }
}

package com.agentfactory.finance.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every operation of the finance API, sent the bad-input corpus: no 5xx, problem details naming the field, nothing half-written. */
class BadInputCorpusIT extends FinanceIntegrationTest {

    @LocalServerPort
    int serverPort;

    @Autowired
    JdbcClient jdbcClient;

    @Test
    void answersEveryBadInputWithAProblem() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort)
                .unchangedWhenRefused("financial_transactions", () -> count("financial_transactions"))
                .run();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
        assertThat(AccessMatrix.load().missing(report.operations()))
                .as("operations without a row in " + AccessMatrix.FILE)
                .isEmpty();
    }

    @Test
    void refusesEveryOperationWithoutAValidTokenAndChangesNothing() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort)
                .unchangedWhenRefused("financial_transactions", () -> count("financial_transactions"))
                .runWithoutValidToken();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }

    private long count(String table) {
        return jdbcClient
                .sql("SELECT count(*) FROM finance." + table)
                .query(Long.class)
                .single();
    }
}

package com.agentfactory.campaign.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of the campaign API, sent the bad-input corpus: no 5xx, problem details naming the field, no internals. */
class BadInputCorpusIT extends CampaignIntegrationTest {

    @LocalServerPort
    int serverPort;

    @Test
    void answersEveryBadInputWithAProblem() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort).run();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
        assertThat(AccessMatrix.load().missing(report.operations()))
                .as("operations without a row in " + AccessMatrix.FILE)
                .isEmpty();
    }

    @Test
    void refusesEveryOperationWithoutAValidTokenAndChangesNothing() {
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort).runWithoutValidToken();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }
}

package com.agentfactory.ad.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of the ad API, sent the bad-input corpus: no 5xx, problem details naming the field, no internals. */
class BadInputCorpusIT extends AdIntegrationTest {

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
        // the exchange's OpenRTB endpoints authenticate by its own key instead (BidApiIT)
        BadInputCorpus.Report report = BadInputCorpus.againstStaff(serverPort)
                .onlyOperations(operation -> !operation.contains("/api/v1/ads/openrtb/"))
                .runWithoutValidToken();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }
}

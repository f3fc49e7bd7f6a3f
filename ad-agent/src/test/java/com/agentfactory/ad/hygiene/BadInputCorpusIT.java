package com.agentfactory.ad.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of the ad API, sent the bad-input corpus: no 5xx, problem details naming the field, no internals. */
class BadInputCorpusIT extends AdIntegrationTest {

    @LocalServerPort
    int serverPort;

    @Test
    void answersEveryBadInputWithAProblem() {
        BadInputCorpus.Report report = BadInputCorpus.against("http://127.0.0.1:" + serverPort)
                .authenticatedBy(request -> request.header("X-User-Id", "corpus-admin")
                        .header("X-User-Roles", "ADMIN,MARKETING_MANAGER,SUPPORT_AGENT"))
                .run();

        assertThat(report.operations()).isNotEmpty();
        assertThat(report.violations()).isEmpty();
    }
}

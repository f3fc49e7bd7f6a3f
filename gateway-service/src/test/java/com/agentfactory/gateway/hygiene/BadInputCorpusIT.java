package com.agentfactory.gateway.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import com.agentfactory.messaging.testing.AccessMatrix;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway's own endpoints (sign-up, sign-in, tokens, user administration), sent the bad-input corpus as an
 * administrator: no 5xx, problem details naming the field, and no account created by a refused request.
 */
class BadInputCorpusIT extends GatewayIntegrationTest {

    @LocalServerPort
    int serverPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersEveryBadInputToItsOwnEndpointsWithAProblem() {
        String adminToken = users.admin().accessToken();

        BadInputCorpus.Report report = BadInputCorpus.against("http://127.0.0.1:" + serverPort)
                .authenticatedBy(request -> request.header("Authorization", "Bearer " + adminToken))
                .unchangedWhenRefused(jdbc, "identity", "users")
                .run();

        assertThat(report.operations()).contains("POST /api/v1/auth/register", "POST /api/v1/auth/login");
        assertThat(report.violations()).isEmpty();
        assertThat(AccessMatrix.load().missing(report.operations()))
                .as("operations without a row in " + AccessMatrix.FILE)
                .isEmpty();
    }
}

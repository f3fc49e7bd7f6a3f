package com.agentfactory.finance.hygiene;

import com.agentfactory.finance.support.FinanceIntegrationTest;
import com.agentfactory.messaging.testing.ApiContractTests;
import com.agentfactory.messaging.testing.BadInputCorpus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API contract every service keeps (ApiContractTests): each operation of its OpenAPI document answers the
 * bad-input corpus with problem details and writes nothing it refused, refuses a request without a valid token with
 * 401, and has a row in the access matrix.
 */
class ApiContractIT extends FinanceIntegrationTest implements ApiContractTests {

    @LocalServerPort
    int serverPort;

    @Autowired
    JdbcClient jdbc;

    @Override
    public int serverPort() {
        return serverPort;
    }

    @Override
    public BadInputCorpus corpus() {
        return ApiContractTests.super.corpus().unchangedWhenRefused(jdbc, "finance", "financial_transactions");
    }
}

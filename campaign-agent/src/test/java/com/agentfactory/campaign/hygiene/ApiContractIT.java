package com.agentfactory.campaign.hygiene;

import com.agentfactory.campaign.support.CampaignIntegrationTest;
import com.agentfactory.messaging.testing.ApiContractTests;
import java.util.function.Predicate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract every service keeps (ApiContractTests): each operation of its OpenAPI document answers the
 * bad-input corpus with problem details and writes nothing it refused, refuses a request without a valid token with
 * 401, and has a row in the access matrix.
 */
class ApiContractIT extends CampaignIntegrationTest implements ApiContractTests {

    @LocalServerPort
    int serverPort;

    @Override
    public int serverPort() {
        return serverPort;
    }

    /** SMS providers' inbound texts authenticate by the provider's signature instead (InboundSmsIT). */
    @Override
    public Predicate<String> tokenOperations() {
        return operation -> !operation.contains("/api/v1/campaigns/sms/inbound");
    }
}

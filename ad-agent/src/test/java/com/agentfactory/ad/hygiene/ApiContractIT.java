package com.agentfactory.ad.hygiene;

import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.ApiContractTests;
import java.util.function.Predicate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API contract every service keeps (ApiContractTests): each operation of its OpenAPI document answers the
 * bad-input corpus with problem details and writes nothing it refused, refuses a request without a valid token with
 * 401, and has a row in the access matrix.
 */
class ApiContractIT extends AdIntegrationTest implements ApiContractTests {

    @LocalServerPort
    int serverPort;

    @Override
    public int serverPort() {
        return serverPort;
    }

    /** The exchange's OpenRTB endpoints authenticate by the exchange's own key instead (BidApiIT). */
    @Override
    public Predicate<String> tokenOperations() {
        return operation -> !operation.contains("/api/v1/ads/openrtb/");
    }
}

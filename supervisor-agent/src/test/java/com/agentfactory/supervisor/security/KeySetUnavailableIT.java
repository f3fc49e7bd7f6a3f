package com.agentfactory.supervisor.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.infra.test.UsesLocalInfrastructure;
import com.agentfactory.messaging.testing.Api;
import com.agentfactory.messaging.testing.Api.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The gateway's key set out of reach: a token cannot be judged, so the answer is "try again", not "sign in". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesLocalInfrastructure
@TestPropertySource(
        properties = {
            "agentfactory.security.public-key=",
            "agentfactory.security.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json"
        })
class KeySetUnavailableIT {

    @LocalServerPort
    int port;

    @Test
    void answers503WithAProblemWhenTokensCannotBeVerified() {
        Response response =
                new Api(port).post("/api/v1/agents/tasks", Map.of("task_type", "health-check", "input_data", Map.of()));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("/detail")).contains("cannot be verified");
    }

    @Test
    void stillRefusesARequestWithoutATokenWith401() {
        Response response = new Api(port).withToken(null).get("/api/v1/agents/tasks");

        assertThat(response.status()).isEqualTo(401);
    }
}

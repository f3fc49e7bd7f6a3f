package com.agentfactory.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

public final class ProblemAssertions {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private ProblemAssertions() {}

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    public static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, HttpStatus status) {
        Map<String, Object> body = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(ProblemAssertions.JSON)
                .returnResult()
                .getResponseBody();
        assertThat(body).containsEntry("status", status.value()).containsKeys("title", "type", "detail");
        return body;
    }
}

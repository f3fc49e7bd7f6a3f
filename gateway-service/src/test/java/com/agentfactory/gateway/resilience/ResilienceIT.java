package com.agentfactory.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.gateway.support.GatewayIntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.TestPropertySource;

/** The gateway against a slow service, a dead one and a crowded one: quick problem details, never a pile-up. */
@TestPropertySource(
        properties = {
            "agentfactory.resilience.timeouts.support-agent=500ms",
            "agentfactory.resilience.timeouts.recommendation-agent=5s",
            "agentfactory.resilience.max-concurrent-calls-per-route=2",
            "agentfactory.resilience.minimum-number-of-calls=4",
            "agentfactory.resilience.sliding-window-size=4",
            "agentfactory.resilience.wait-in-open-state=60s"
        })
class ResilienceIT extends GatewayIntegrationTest {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Test
    void aServiceSlowerThanItsRouteTimeoutGets504ProblemInTime() {
        String token = users.admin().bearer();
        long started = System.nanoTime();

        var reply = client.get()
                .uri("/api/v1/support/tickets/late?delay_ms=3000")
                .header("Authorization", token)
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody(ProblemDetail.class)
                .returnResult()
                .getResponseBody();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(reply).isNotNull();
        assertThat(reply.getTitle()).isEqualTo("Gateway timeout");
    }

    @Test
    void aDeadServiceOpensItsCircuitAndLaterCallsFailFastWithoutReachingIt() {
        String token = users.admin().bearer();
        for (int i = 0; i < 4; i++) {
            client.get()
                    .uri("/api/v1/ads/campaign-" + i)
                    .header("Authorization", token)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }

        assertThat(circuitBreakers
                        .getCircuitBreakerRegistry()
                        .circuitBreaker("ad-agent")
                        .getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        var refused = client.get()
                .uri("/api/v1/ads/campaign-5")
                .header("Authorization", token)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody(ProblemDetail.class)
                .returnResult()
                .getResponseBody();
        assertThat(refused).isNotNull();
        assertThat(refused.getDetail()).contains("not calling it for a moment");
        assertThat(circuitBreakers
                        .getCircuitBreakerRegistry()
                        .circuitBreaker("support-agent")
                        .getState())
                .as("other routes keep their own circuit")
                .isNotEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void theExchangesBidPathHasACircuitOfItsOwnApartFromTheAdsAdminApi() {
        String token = users.admin().bearer();
        var registry = circuitBreakers.getCircuitBreakerRegistry();
        int adminFailuresBefore =
                registry.circuitBreaker("ad-agent").getMetrics().getNumberOfFailedCalls();
        for (int i = 0; i < 4; i++) {
            client.post()
                    .uri("/api/v1/ads/openrtb/bid")
                    .header("Authorization", token)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }

        assertThat(registry.circuitBreaker("ad-exchange").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(registry.circuitBreaker("ad-agent").getMetrics().getNumberOfFailedCalls())
                .as("the admin API's circuit counts none of the bid path's failures")
                .isEqualTo(adminFailuresBefore);
    }

    @Test
    void aCrowdedServiceTurnsAwayTheCallsBeyondItsBulkheadAtOnceWithoutOpeningItsCircuit() throws Exception {
        String token = users.admin().bearer();
        CircuitBreaker circuit = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("recommendation-agent");
        int failuresBefore = circuit.getMetrics().getNumberOfFailedCalls();
        List<Future<String>> calls = new ArrayList<>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // more refusals than the breaker's minimum number of calls: counted as failures they would open it
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> {
                    var result = client.get()
                            .uri("/api/v1/recommendations/users/crowd?delay_ms=1500")
                            .header("Authorization", token)
                            .exchange()
                            .expectBody(String.class)
                            .returnResult();
                    return result.getStatus().value() + " " + result.getResponseBody();
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(call.get());
            }
            assertThat(answers).filteredOn(answer -> answer.startsWith("200")).hasSize(2);
            assertThat(answers)
                    .filteredOn(answer -> answer.startsWith("503"))
                    .hasSize(4)
                    .allSatisfy(answer -> assertThat(answer).contains("Service busy"));
        }
        assertThat(circuit.getMetrics().getNumberOfFailedCalls())
                .as("the bulkhead's refusals are the gateway shedding load, not the service failing")
                .isEqualTo(failuresBefore);
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        client.get()
                .uri("/api/v1/recommendations/users/after-the-crowd")
                .header("Authorization", token)
                .exchange()
                .expectStatus()
                .isOk();
    }
}

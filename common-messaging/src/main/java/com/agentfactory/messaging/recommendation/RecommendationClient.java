package com.agentfactory.messaging.recommendation;

import com.agentfactory.messaging.client.ServiceCalls;
import com.agentfactory.messaging.security.ServiceTokens;
import com.agentfactory.messaging.security.ServiceTokens.ServiceTokenUnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.UUID;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A customer's recommended products from the recommendation agent over HTTP, for an agent that shows them in its
 * messages (its own client token names it). The lists are an embellishment the caller can do without, so a call
 * is bounded by its timeouts and not retried, and a circuit breaker that opens after repeated failures makes later
 * calls fail at once instead of each waiting for a service that is down; the caller then shows its fallback. A 4xx
 * is the agent's answer about the request and does not count against it. Built from Resilience4j's core module,
 * since its Spring Boot module exists for Boot 3 only.
 */
public final class RecommendationClient {

    private static final String USER_LIST = "/api/v1/recommendations/users/{userId}?limit={limit}";
    // the agent serves a customer's list 10 to 50 long (a page's worth); a shorter list is the head of one
    private static final int SHORTEST_LIST = 10;
    private static final int LONGEST_LIST = 50;

    private final RestClient http;
    private final CircuitBreaker breaker;

    public RecommendationClient(RecommendationClientSettings settings, ServiceTokens tokens) {
        // the agent authenticates every call: this service's own client token names it as the acting agent
        this(settings, tokens.interceptor());
    }

    /** @param authentication puts the calling agent's credentials on each request */
    public RecommendationClient(RecommendationClientSettings settings, ClientHttpRequestInterceptor authentication) {
        this.http = ServiceCalls.restClient(
                settings.baseUrl(), settings.connectTimeout(), settings.readTimeout(), authentication);
        this.breaker = ServiceCalls.circuitBreaker(
                "recommendations", settings.waitInOpenState(), RecommendationClient::failureOfTheAgent);
    }

    /**
     * Up to {@code limit} products for the customer, the best first; empty when the agent has no list for them.
     *
     * @throws RecommendationsUnavailableException when no list could be had now
     */
    public List<RecommendedProduct> forCustomer(UUID customerId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        int asked = Math.clamp(limit, SHORTEST_LIST, LONGEST_LIST);
        try {
            UserList list = breaker.executeSupplier(() ->
                    http.get().uri(USER_LIST, customerId, asked).retrieve().body(UserList.class));
            return list == null || list.recommendations() == null
                    ? List.of()
                    : list.recommendations().stream().limit(limit).toList();
        } catch (HttpClientErrorException.NotFound none) {
            return List.of();
        } catch (HttpClientErrorException refused) {
            // this caller's request or credentials were refused: no list now, though the agent is up
            throw new RecommendationsUnavailableException(
                    "the recommendation agent refused the list: HTTP "
                            + refused.getStatusCode().value(),
                    refused);
        } catch (CallNotPermittedException e) {
            throw new RecommendationsUnavailableException("recommendations circuit open, list not asked for", e);
        } catch (RestClientException | ServiceTokenUnavailableException e) {
            throw new RecommendationsUnavailableException(
                    "the recommendation agent did not answer: " + e.getMessage(), e);
        }
    }

    /** Whatever is not the agent's 4xx answer: no answer (or no token), a 5xx, or a body that cannot be read. */
    private static boolean failureOfTheAgent(Throwable error) {
        return !(error instanceof HttpClientErrorException);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record UserList(@JsonProperty("recommendations") List<RecommendedProduct> recommendations) {}
}

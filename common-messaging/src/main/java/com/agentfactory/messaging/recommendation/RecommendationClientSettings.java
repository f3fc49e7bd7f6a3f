package com.agentfactory.messaging.recommendation;

import java.time.Duration;

/**
 * Where the recommendation agent is and how long to wait for it.
 *
 * @param baseUrl the recommendation agent's base URL (env {@code RECOMMENDATION_URL} in the agents' configuration)
 * @param readTimeout the longest a caller waits for a list; nothing is retried, so also the longest a call takes
 * @param waitInOpenState how long the circuit stays open before it lets trial calls through
 */
public record RecommendationClientSettings(
        String baseUrl, Duration connectTimeout, Duration readTimeout, Duration waitInOpenState) {}

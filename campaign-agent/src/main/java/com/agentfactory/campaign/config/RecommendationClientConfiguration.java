package com.agentfactory.campaign.config;

import com.agentfactory.campaign.delivery.RecommendationProperties;
import com.agentfactory.messaging.recommendation.RecommendationClient;
import com.agentfactory.messaging.security.ServiceTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recommendation agent's client the messages' product lists come through: timeouts and a circuit breaker. */
@Configuration(proxyBeanMethods = false)
class RecommendationClientConfiguration {

    @Bean
    RecommendationClient recommendationClient(RecommendationProperties properties, ServiceTokens tokens) {
        return new RecommendationClient(properties.clientSettings(), tokens);
    }
}

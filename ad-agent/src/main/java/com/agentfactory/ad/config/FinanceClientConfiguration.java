package com.agentfactory.ad.config;

import com.agentfactory.ad.budget.FinanceClientProperties;
import com.agentfactory.ad.budget.FinanceReservations;
import com.agentfactory.ad.budget.FinanceReservationsClient;
import com.agentfactory.ad.delivery.AdTouchpoints;
import com.agentfactory.messaging.finance.FinanceBudgetClient;
import com.agentfactory.messaging.finance.FinanceClientSettings;
import com.agentfactory.messaging.security.ServiceTokens;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The finance client the allowance keeper reserves through: timeouts, a circuit breaker and a retry. */
@Configuration(proxyBeanMethods = false)
class FinanceClientConfiguration {

    @Bean
    @ConditionalOnMissingBean(FinanceReservations.class)
    FinanceReservations financeReservations(FinanceClientProperties properties, ServiceTokens tokens) {
        var settings = new FinanceClientSettings(
                properties.url(),
                properties.connectTimeout(),
                properties.readTimeout(),
                properties.retryAttempts(),
                Duration.ofMillis(200),
                Duration.ofSeconds(10));
        return new FinanceReservationsClient(
                new FinanceBudgetClient(settings, tokens), properties.department(), AdTouchpoints.CHANNEL);
    }
}

package com.agentfactory.finance.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class FinanceConfiguration {

    /** Created up front so the outbox relay's first alert does not depend on broker auto-creation. */
    @Bean
    NewTopic financeAlertsTopic(@Value("${agentfactory.finance.budget.alerts-topic}") String topic) {
        return TopicBuilder.name(topic).partitions(3).build();
    }
}

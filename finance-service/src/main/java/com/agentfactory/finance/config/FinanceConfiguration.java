package com.agentfactory.finance.config;

import com.agentfactory.finance.budget.BudgetProperties;
import com.agentfactory.messaging.topic.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FinanceConfiguration {

    /** Created up front so the outbox relay's first alert does not depend on broker auto-creation. */
    @Bean
    NewTopic financeAlertsTopic(BudgetProperties budget) {
        return TopicBuilder.name(budget.alertsTopic()).partitions(3).build();
    }

    /** The dead-letter topics of this service's listeners (the platform's listener error handler fills them). */
    @Bean
    KafkaAdmin.NewTopics listenerDeadLetterTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.deadLetter(Topics.COMMERCE_ORDERS))
                        .partitions(1)
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.COMMERCE_BEHAVIOUR))
                        .partitions(1)
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.AGENT_EVENTS))
                        .partitions(1)
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.AGENT_TOUCHPOINTS))
                        .partitions(1)
                        .build());
    }
}

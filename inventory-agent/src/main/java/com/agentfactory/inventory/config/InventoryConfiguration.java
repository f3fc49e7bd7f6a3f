package com.agentfactory.inventory.config;

import com.agentfactory.inventory.topic.InventoryTopics;
import com.agentfactory.messaging.topic.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class InventoryConfiguration {

    /** Created up front so the first stock change or alert does not depend on broker auto-creation. */
    @Bean
    KafkaAdmin.NewTopics inventoryTopics() {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(InventoryTopics.STOCK).partitions(3).build(),
                TopicBuilder.name(InventoryTopics.ALERTS).partitions(3).build(),
                // the dead-letter topics of this service's listeners (the platform's listener error handler fills them)
                TopicBuilder.name(Topics.deadLetter(Topics.COMMERCE_PRODUCTS))
                        .partitions(1)
                        .build(),
                TopicBuilder.name(Topics.deadLetter(Topics.COMMERCE_ORDERS))
                        .partitions(1)
                        .build());
    }
}

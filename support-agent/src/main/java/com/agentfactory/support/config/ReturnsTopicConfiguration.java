package com.agentfactory.support.config;

import com.agentfactory.support.returns.ReturnAuthorised;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic support publishes return authorisations on, created at start-up like the platform's own. */
@Configuration(proxyBeanMethods = false)
class ReturnsTopicConfiguration {

    @Bean
    NewTopic supportReturnsTopic() {
        return TopicBuilder.name(ReturnAuthorised.TOPIC).partitions(3).build();
    }
}

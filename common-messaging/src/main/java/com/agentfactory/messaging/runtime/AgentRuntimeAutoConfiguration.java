package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.MessagingAutoConfiguration;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Switches the agent runtime on for a service that names its agent type. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnProperty(prefix = "agentfactory.agent", name = "type")
@EnableConfigurationProperties(AgentRuntimeProperties.class)
public class AgentRuntimeAutoConfiguration {

    @Bean
    AgentTaskHandler healthCheckTaskHandler(JdbcTemplate jdbc, AgentRuntimeProperties properties, EnvelopeCodec codec) {
        return new HealthCheckTaskHandler(jdbc, properties, codec.mapper());
    }

    @Bean
    AgentRuntime agentRuntime(
            AgentRuntimeProperties properties,
            List<AgentTaskHandler> handlers,
            ConsumerFactory<String, String> consumerFactory,
            KafkaTemplate<String, String> kafkaTemplate,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            ProcessedMessages processed,
            TransactionTemplate messagingTransactionTemplate,
            ObjectProvider<MeterRegistry> meters) {
        Map<String, AgentTaskHandler> byType = new LinkedHashMap<>();
        for (AgentTaskHandler handler : handlers) {
            AgentTaskHandler previous = byType.put(handler.taskType(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for task type " + handler.taskType() + ": "
                        + previous.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
        }
        String instanceId =
                properties.type() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var events = new AgentEventPublisher(
                kafkaTemplate, outbox, codec, properties.effectiveId().toString(), properties.type(), instanceId);
        var gate = new PriorityGate(properties.maxPriorityWait());
        var processor = new TaskRecordProcessor(
                byType,
                codec,
                processed,
                messagingTransactionTemplate,
                events,
                gate,
                "agent-" + properties.type(),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC());
        return new AgentRuntime(
                properties,
                consumerFactory,
                kafkaTemplate,
                processor,
                events,
                gate,
                new ArrayList<>(byType.keySet()),
                instanceId);
    }

    @Bean
    KafkaAdmin.NewTopics agentTaskTopics(AgentRuntimeProperties properties) {
        var topics = new ArrayList<NewTopic>();
        for (Priority band : Priority.values()) {
            String topic = Topics.agentTasks(properties.type(), band);
            topics.add(TopicBuilder.name(topic).partitions(3).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

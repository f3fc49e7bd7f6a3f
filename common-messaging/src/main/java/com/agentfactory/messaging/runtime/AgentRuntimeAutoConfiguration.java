package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.MessagingAutoConfiguration;
import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.KafkaObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
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
import org.springframework.core.env.Environment;
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
    TaskHandler<?, ?> healthCheckTaskHandler(JdbcTemplate jdbc, AgentRuntimeProperties properties, Clock clock) {
        return new HealthCheckTaskHandler(jdbc, properties, clock);
    }

    @Bean
    AgentRuntime agentRuntime(
            AgentRuntimeProperties properties,
            List<TaskHandler<?, ?>> handlers,
            Validator validator,
            Clock clock,
            ConsumerFactory<String, String> consumerFactory,
            KafkaTemplate<String, String> kafkaTemplate,
            OutboxWriter outbox,
            EnvelopeCodec codec,
            ProcessedMessages processed,
            TransactionTemplate messagingTransactionTemplate,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<ObservationRegistry> observations,
            MessageSizeLimit sizeLimit,
            Environment environment) {
        Map<String, HandlerBinding<?, ?>> byType = new LinkedHashMap<>();
        for (TaskHandler<?, ?> handler : handlers) {
            HandlerBinding<?, ?> binding = HandlerBinding.of(handler);
            HandlerBinding<?, ?> previous = byType.put(binding.taskType(), binding);
            if (previous != null) {
                throw new IllegalStateException("two handlers for task type " + binding.taskType() + ": "
                        + previous.handlerClass().getName() + " and "
                        + binding.handlerClass().getName());
            }
        }
        var inputs = new TaskInputReader(validator);
        var schemas = new TaskSchemas();
        var capabilities = new AgentCapabilities(
                properties.effectiveId().toString(),
                properties.type(),
                byType.values().stream()
                        .map(binding -> binding.describe(schemas, inputs))
                        .toList(),
                clock.instant());
        String instanceId =
                properties.type() + "-" + UUID.randomUUID().toString().substring(0, 8);
        var events = new AgentEventPublisher(
                kafkaTemplate,
                outbox,
                codec,
                properties.effectiveId().toString(),
                properties.type(),
                instanceId,
                sizeLimit,
                clock);
        var gate = new PriorityGate(properties.maxPriorityWait());
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        var processor = new TaskRecordProcessor(
                byType,
                inputs,
                codec,
                processed,
                messagingTransactionTemplate,
                events,
                gate,
                "agent-" + properties.type(),
                registry,
                clock);
        var runtime = new AgentRuntime(
                properties,
                consumerFactory,
                kafkaTemplate,
                processor,
                events,
                gate,
                capabilities,
                instanceId,
                registry,
                clock);
        if (KafkaObservations.listenersObserved(environment)) {
            observations.ifAvailable(runtime::observeWith);
        }
        return runtime;
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

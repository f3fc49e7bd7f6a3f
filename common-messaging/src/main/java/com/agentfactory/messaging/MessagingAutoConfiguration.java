package com.agentfactory.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageSizeLimit;
import com.agentfactory.messaging.inbox.CommerceEventConsumer;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.inbox.InboxProperties;
import com.agentfactory.messaging.inbox.ProcessedMessages;
import com.agentfactory.messaging.inbox.ProcessedMessagesPurger;
import com.agentfactory.messaging.outbox.MicrometerRelayTracing;
import com.agentfactory.messaging.outbox.OutboxDeadLetterProperties;
import com.agentfactory.messaging.outbox.OutboxDeadLetterPurger;
import com.agentfactory.messaging.outbox.OutboxDeadLetters;
import com.agentfactory.messaging.outbox.OutboxProperties;
import com.agentfactory.messaging.outbox.OutboxRelay;
import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.outbox.RelayTracing;
import com.agentfactory.messaging.privacy.OutboxDeadLetterPersonalData;
import com.agentfactory.messaging.privacy.PersonalDataHolder;
import com.agentfactory.messaging.privacy.PrivacyRequestListener;
import com.agentfactory.messaging.runtime.AgentRuntimeProperties;
import com.agentfactory.messaging.runtime.DeadLetterErrorHandlers;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.messaging.trace.BatchListenerTimers;
import com.agentfactory.messaging.trace.EnvelopeTraceInterceptor;
import com.agentfactory.messaging.trace.KafkaObservations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messaging backbone every service gets by depending on this library: envelope codec, a durable
 * String producer and consumer factory, the transactional outbox with its relay, and the idempotent
 * consumer. Runs before Boot's Kafka configuration so these factories are the ones everything uses.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties({
    OutboxProperties.class,
    OutboxDeadLetterProperties.class,
    InboxProperties.class,
    KafkaProperties.class
})
public class MessagingAutoConfiguration {

    /** The platform's one source of time (UTC), injected wherever time is read so tests can fix it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EnvelopeCodec envelopeCodec() {
        return new EnvelopeCodec();
    }

    @Bean
    ProducerFactory<String, String> kafkaProducerFactory(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // durability: every in-sync replica acknowledges, retries cannot reorder or duplicate
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail fast when the broker is away: the outbox keeps the messages and the relay retries
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        // the envelope's trace wins over a fresh one the producer observation starts outside any request
        config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, EnvelopeTraceInterceptor.class.getName());
        var factory = new DefaultKafkaProducerFactory<String, String>(config);
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return factory;
    }

    /** What one record from this service's producer can carry, so oversized messages are refused where they start. */
    @Bean
    MessageSizeLimit messageSizeLimit(ProducerFactory<String, String> kafkaProducerFactory) {
        Object configured =
                kafkaProducerFactory.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null
                ? MessageSizeLimit.kafkaDefault()
                : new MessageSizeLimit(Integer.parseInt(configured.toString().trim()));
    }

    @Bean
    KafkaTemplate<String, String> kafkaTemplate(
            ProducerFactory<String, String> producerFactory, Environment environment) {
        var template = new KafkaTemplate<>(producerFactory);
        template.setObservationEnabled(KafkaObservations.templateObserved(environment));
        // a failed send is logged without the start of its record: envelopes carry customers' personal data
        var failures = new LoggingProducerListener<String, String>();
        failures.setIncludeContents(false);
        template.setProducerListener(failures);
        return template;
    }

    @Bean
    ConsumerFactory<String, String> kafkaConsumerFactory(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        var factory = new DefaultKafkaConsumerFactory<String, String>(config);
        // exposes records-lag and the other consumer metrics (consumer lag per partition)
        meters.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    /**
     * Listener containers on the same consumer factory as everything else. Boot's own container factory
     * looks for a {@code ConsumerFactory<Object, Object>}, does not see this String-typed one and would build
     * a bare factory, which starts new consumer groups at the latest offset and so skips what was sent
     * before a service first ran.
     */
    @Bean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, String> kafkaConsumerFactory,
            Environment environment) {
        return listenerContainerFactory(configurer, kafkaConsumerFactory, environment);
    }

    /**
     * The privacy listener's containers: as every listener's, except that a request whose retries ran out is reported
     * failed by this service before it is parked on the dead-letter topic, so the coordinator's request fails instead
     * of waiting for good. Its handler is no {@link CommonErrorHandler} bean, which would stand in for the platform's
     * handler on every other listener.
     */
    @Bean(name = PrivacyRequestListener.CONTAINER_FACTORY)
    @ConditionalOnBean(PersonalDataHolder.class)
    ConcurrentKafkaListenerContainerFactory<String, String> privacyListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, String> kafkaConsumerFactory,
            Environment environment,
            ObjectProvider<PrivacyRequestListener> privacyRequestListener,
            KafkaTemplate<String, String> kafka,
            ObjectProvider<AgentRuntimeProperties> agent,
            ObjectProvider<MeterRegistry> meters) {
        var factory = listenerContainerFactory(configurer, kafkaConsumerFactory, environment);
        factory.setCommonErrorHandler(DeadLetterErrorHandlers.create(
                PrivacyRequestListener.failureReporter(
                        privacyRequestListener::getObject, DeadLetterErrorHandlers.publisher(kafka)),
                retry(agent),
                meters.getIfAvailable(SimpleMeterRegistry::new)));
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ConcurrentKafkaListenerContainerFactory<String, String> listenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<String, String> kafkaConsumerFactory,
            Environment environment) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        configurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) kafkaConsumerFactory);
        factory.getContainerProperties().setObservationEnabled(KafkaObservations.listenersObserved(environment));
        return factory;
    }

    /**
     * Batch listeners' timers under their own name while record listeners are observed (see the filter); without
     * observations every listener keeps the container timers under their usual name, and the filter is a neutral one
     * ({@code MeterFilter.accept()} would wave meters past later filters that deny them).
     */
    @Bean
    MeterFilter batchListenerTimers(Environment environment) {
        return KafkaObservations.listenersObserved(environment) ? new BatchListenerTimers() : new MeterFilter() {};
    }

    /**
     * What every {@code @KafkaListener} does with a record it cannot handle: retry with backoff, then park it on
     * the topic's dead-letter topic, so nothing is skipped silently and one bad record cannot stall a partition.
     * A record or batch that failed because the database (or another piece of infrastructure) was away is retried
     * until it passes instead: the record was fine, and a dead-lettered one would be lost to the service.
     * Boot puts this bean on the listener container factory. Agents use their own retry settings.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler kafkaListenerErrorHandler(
            KafkaTemplate<String, String> kafka,
            ObjectProvider<AgentRuntimeProperties> agent,
            ObjectProvider<MeterRegistry> meters) {
        return DeadLetterErrorHandlers.create(kafka, retry(agent), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    private static AgentRuntimeProperties.Retry retry(ObjectProvider<AgentRuntimeProperties> agent) {
        AgentRuntimeProperties properties = agent.getIfAvailable();
        return properties == null ? AgentRuntimeProperties.Retry.defaults() : properties.retry();
    }

    @Bean
    TransactionTemplate messagingTransactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate messagingTransactionTemplate,
            KafkaTemplate<String, String> kafkaTemplate,
            OutboxProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<RelayTracing> tracing) {
        return new OutboxRelay(
                jdbc,
                messagingTransactionTemplate,
                kafkaTemplate,
                properties,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                tracing.getIfAvailable(() -> RelayTracing.NONE));
    }

    /** With Micrometer Tracing present, the relay continues each message's trace (see MicrometerRelayTracing). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class RelayTracingConfiguration {

        @Bean
        RelayTracing relayTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            Tracer activeTracer = tracer.getIfAvailable();
            Propagator activePropagator = propagator.getIfAvailable();
            return activeTracer == null || activePropagator == null
                    ? RelayTracing.NONE
                    : new MicrometerRelayTracing(activeTracer, activePropagator);
        }
    }

    @Bean
    OutboxDeadLetters outboxDeadLetters(JdbcTemplate jdbc) {
        return new OutboxDeadLetters(jdbc);
    }

    @Bean
    OutboxDeadLetterPurger outboxDeadLetterPurger(
            OutboxDeadLetters outboxDeadLetters, OutboxDeadLetterProperties properties, Clock clock) {
        return new OutboxDeadLetterPurger(outboxDeadLetters, properties, clock);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, EnvelopeCodec codec, OutboxRelay relay) {
        return new OutboxWriter(jdbc, codec, relay::wakeUp);
    }

    @Bean
    ProcessedMessages processedMessages(JdbcTemplate jdbc, Clock clock) {
        return new ProcessedMessages(jdbc, clock);
    }

    @Bean
    IdempotentConsumer idempotentConsumer(
            ProcessedMessages processedMessages, TransactionTemplate messagingTransactionTemplate) {
        return new IdempotentConsumer(processedMessages, messagingTransactionTemplate);
    }

    @Bean
    CommerceEventConsumer commerceEventConsumer(EnvelopeCodec codec, IdempotentConsumer idempotentConsumer) {
        return new CommerceEventConsumer(codec, idempotentConsumer);
    }

    @Bean
    ProcessedMessagesPurger processedMessagesPurger(ProcessedMessages processedMessages, InboxProperties properties) {
        return new ProcessedMessagesPurger(processedMessages, properties);
    }

    /**
     * Every service that declares a {@link PersonalDataHolder} answers privacy requests with it, and with its outbox's
     * dead letters, which every such service has and none declares.
     */
    @Bean
    @ConditionalOnBean(PersonalDataHolder.class)
    PrivacyRequestListener privacyRequestListener(
            List<PersonalDataHolder> holders,
            OutboxDeadLetters outboxDeadLetters,
            EnvelopeCodec codec,
            IdempotentConsumer idempotentConsumer,
            OutboxWriter outboxWriter,
            Environment environment,
            Clock clock) {
        return new PrivacyRequestListener(
                Stream.concat(holders.stream(), Stream.of(new OutboxDeadLetterPersonalData(outboxDeadLetters)))
                        .toList(),
                codec,
                idempotentConsumer,
                outboxWriter,
                environment.getRequiredProperty("spring.application.name"),
                clock);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics() {
        var topics = new java.util.ArrayList<NewTopic>();
        topics.add(TopicBuilder.name(Topics.AGENT_EVENTS).partitions(3).build());
        topics.add(TopicBuilder.name(Topics.AGENT_CAPABILITIES)
                .partitions(1)
                .compact()
                .build());
        Topics.commerceTopics()
                .forEach(topic ->
                        topics.add(TopicBuilder.name(topic).partitions(3).build()));
        for (String topic : List.of(
                Topics.PRIVACY_REQUESTS, Topics.PRIVACY_REPORTS, Topics.FINANCE_SEGMENTS, Topics.SUPPORT_RETURNS)) {
            topics.add(TopicBuilder.name(topic).partitions(3).build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(3).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}

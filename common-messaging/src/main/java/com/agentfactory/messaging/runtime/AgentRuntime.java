package com.agentfactory.messaging.runtime;

import com.agentfactory.messaging.capability.AgentCapabilities;
import com.agentfactory.messaging.capability.TaskTypeDescriptor;
import com.agentfactory.messaging.envelope.Priority;
import com.agentfactory.messaging.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;

/**
 * Runs an agent: one listener container per priority band of its task topics (highest band first, each
 * with its own consumers, so a backlog of low-priority work never stands in front of urgent tasks),
 * in-process retries with exponential backoff, a dead-letter topic per task topic, heartbeats, and the
 * announcement of its task types with their schemas.
 */
public class AgentRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    private final AgentRuntimeProperties properties;
    private final ConsumerFactory<String, String> consumerFactory;
    private final KafkaTemplate<String, String> kafka;
    private final TaskRecordProcessor processor;
    private final AgentEventPublisher events;
    private final PriorityGate gate;
    private final AgentCapabilities capabilities;
    private final List<String> taskTypes;
    private final String instanceId;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicBoolean announced = new AtomicBoolean();
    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private ObservationRegistry observations;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    AgentRuntime(
            AgentRuntimeProperties properties,
            ConsumerFactory<String, String> consumerFactory,
            KafkaTemplate<String, String> kafka,
            TaskRecordProcessor processor,
            AgentEventPublisher events,
            PriorityGate gate,
            AgentCapabilities capabilities,
            String instanceId,
            MeterRegistry meters,
            Clock clock) {
        this.properties = properties;
        this.consumerFactory = consumerFactory;
        this.kafka = kafka;
        this.processor = processor;
        this.events = events;
        this.gate = gate;
        this.capabilities = capabilities;
        this.taskTypes = capabilities.taskTypes().stream()
                .map(TaskTypeDescriptor::taskType)
                .toList();
        this.instanceId = instanceId;
        this.meters = meters;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Observes each task record (a consumer span continuing the record's traceparent) with this registry. */
    void observeWith(ObservationRegistry registry) {
        this.observations = registry;
    }

    public String agentType() {
        return properties.type();
    }

    public UUID agentId() {
        return properties.effectiveId();
    }

    public String instanceId() {
        return instanceId;
    }

    public List<String> taskTypes() {
        return taskTypes;
    }

    /** The task types with their schemas and examples, as announced on agent.capabilities. */
    public AgentCapabilities capabilities() {
        return capabilities;
    }

    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        for (Priority band : Priority.values()) {
            containers.add(container(band));
        }
        containers.forEach(ConcurrentMessageListenerContainer::start);
        heartbeats = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("agent-heartbeat").daemon(true).factory());
        long interval = properties.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, 0, interval, TimeUnit.MILLISECONDS);
        running = true;
        log.info(
                "Agent {} ({}) consuming {} for task types {}",
                properties.type(),
                agentId(),
                Topics.agentTaskTopics(properties.type()),
                taskTypes);
    }

    private ConcurrentMessageListenerContainer<String, String> container(Priority band) {
        String topic = Topics.agentTasks(properties.type(), band);
        ContainerProperties containerProperties = new ContainerProperties(topic);
        containerProperties.setGroupId("agent-" + properties.type());
        containerProperties.setClientId(properties.type() + "-" + band.topicSuffix());
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        containerProperties.setDeliveryAttemptHeader(true);
        if (observations != null) {
            containerProperties.setObservationEnabled(true);
            containerProperties.setObservationRegistry(observations);
        }
        containerProperties.setMessageListener((MessageListener<String, String>) record -> handle(record, band));
        var container = new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(
                switch (band) {
                    case HIGH -> properties.concurrency().high();
                    case NORMAL -> properties.concurrency().normal();
                    case LOW -> properties.concurrency().low();
                });
        container.setCommonErrorHandler(errorHandler());
        container.setBeanName("agent-" + properties.type() + "-" + band.topicSuffix());
        return container;
    }

    private void handle(ConsumerRecord<String, String> record, Priority band) {
        try {
            processor.process(record, band);
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handling a task", e);
        } catch (Exception e) {
            throw new TaskAttemptFailedException(e);
        }
    }

    private DefaultErrorHandler errorHandler() {
        return DeadLetterErrorHandlers.create(
                new TaskFailureRecoverer(processor, DeadLetterErrorHandlers.publisher(kafka)),
                properties.retry(),
                meters);
    }

    /** Sent at start and again with each heartbeat until the broker has taken it (it may be down at start). */
    private void announceCapabilities() {
        if (announced.get()) {
            return;
        }
        try {
            events.announce(capabilities).whenComplete((result, failure) -> {
                if (failure == null) {
                    announced.set(true);
                    log.info("Announced task types {} on {}", taskTypes, Topics.AGENT_CAPABILITIES);
                } else {
                    log.debug("Capabilities not announced yet: {}", failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.debug("Capabilities not announced yet: {}", e.getMessage());
        }
    }

    private void beat() {
        announceCapabilities();
        try {
            events.heartbeat(new AgentHeartbeat(
                    agentId().toString(),
                    properties.type(),
                    instanceId,
                    taskTypes,
                    gate.inFlight(),
                    startedAt,
                    clock.instant()));
        } catch (RuntimeException e) {
            log.debug("Heartbeat not sent: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the outbox relay so the events a task produces can leave. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    Duration heartbeatInterval() {
        return properties.heartbeatInterval();
    }

    /** A checked exception from a handler, carried through the listener. */
    static final class TaskAttemptFailedException extends RuntimeException {
        TaskAttemptFailedException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}

package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.text.StorableText;
import com.agentfactory.messaging.topic.Topics;
import com.agentfactory.supervisor.registry.AgentRegistryService;
import com.agentfactory.supervisor.task.TaskLifecycleService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Follows agent.events: task reports move the lifecycle, heartbeats refresh liveness. Reports are consumed a
 * poll at a time and applied in one transaction with their claims (idempotent on message id): one commit for a
 * batch instead of one per report, which is what keeps the lifecycle cheap when thousands of tasks a second
 * come back. An unreadable message goes to agent.events.dlt; the readable ones before it are applied first. A
 * report the store could not hold is skipped when read; one the lifecycle still fails to apply is found by applying
 * the poll's reports one by one, and goes to the dead letters alone.
 */
@Component
class AgentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(AgentEventsListener.class);
    private static final String CONSUMER = "supervisor-lifecycle";

    private final EnvelopeCodec codec;
    private final IdempotentConsumer idempotent;
    private final TaskLifecycleService lifecycle;
    private final AgentRegistryService registry;
    private final MeterRegistry meters;

    AgentEventsListener(
            EnvelopeCodec codec,
            IdempotentConsumer idempotent,
            TaskLifecycleService lifecycle,
            AgentRegistryService registry,
            MeterRegistry meters) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.meters = meters;
    }

    @KafkaListener(
            topics = Topics.AGENT_EVENTS,
            groupId = "supervisor",
            batch = "true",
            concurrency = "${agentfactory.lifecycle.concurrency:3}")
    void onAgentEvents(List<ConsumerRecord<String, String>> records) {
        List<Report> reports = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                MessageEnvelope envelope = codec.decode(records.get(i).value());
                if (AgentHeartbeat.ACTION.equals(envelope.action())) {
                    // heartbeats only refresh a timestamp: applying one twice is harmless, so no claim is kept
                    registry.recordHeartbeat(codec.fromTree(envelope.payload().data(), AgentHeartbeat.class));
                } else if (TaskStatusChanged.isStatusAction(envelope.action())) {
                    TaskStatusChanged change = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
                    Optional<String> invalid = invalidity(change);
                    if (invalid.isPresent()) {
                        skip(records.get(i), envelope, invalid.get());
                    } else {
                        reports.add(new Report(i, envelope.messageId(), change));
                    }
                }
            } catch (RuntimeException unreadable) {
                apply(reports);
                throw new BatchListenerFailedException("unreadable agent event", unreadable, i);
            }
        }
        apply(reports);
    }

    /**
     * Why the lifecycle cannot apply this report, if it cannot: one the store would refuse fails every report applied
     * with it, so it is left out (and counted) rather than taking the others of its poll to the dead letters.
     */
    private static Optional<String> invalidity(TaskStatusChanged change) {
        if (change.taskId() == null) {
            return Optional.of("no task_id");
        }
        if (change.status() == null) {
            return Optional.of("no status");
        }
        if (StorableText.containsNul(change.error())
                || (change.output() != null
                        && !StorableText.nulPaths(change.output()).isEmpty())
                || (change.errors() != null
                        && change.errors().stream()
                                .anyMatch(e -> e != null
                                        && (StorableText.containsNul(e.field())
                                                || StorableText.containsNul(e.message()))))) {
            return Optional.of("a NUL character (U+0000) in its error or output, which the store cannot hold");
        }
        return Optional.empty();
    }

    private void skip(ConsumerRecord<String, String> record, MessageEnvelope envelope, String why) {
        meters.counter("supervisor.agent.reports.invalid").increment();
        log.warn(
                "Agent report {} at {}-{}@{} skipped: {}",
                envelope.messageId(),
                record.topic(),
                record.partition(),
                record.offset(),
                why);
    }

    /**
     * All reports in one transaction; when that fails, one at a time, so that a report the lifecycle cannot apply
     * is named to the error handler by its record (retried and dead-lettered alone) and those before it are kept.
     */
    private void apply(List<Report> reports) {
        try {
            applyTogether(reports);
        } catch (RuntimeException failure) {
            if (reports.size() < 2) {
                throw reports.isEmpty()
                        ? failure
                        : new BatchListenerFailedException(
                                "agent report not applied",
                                failure,
                                reports.getFirst().index());
            }
            for (Report report : reports) {
                try {
                    applyTogether(List.of(report));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("agent report not applied", failed, report.index());
                }
            }
        }
    }

    private void applyTogether(List<Report> reports) {
        idempotent.runOnceEach(
                reports,
                Report::messageId,
                CONSUMER,
                fresh -> lifecycle.applyReports(
                        fresh.stream().map(Report::change).toList()));
    }

    private record Report(int index, UUID messageId, TaskStatusChanged change) {}
}

package com.agentfactory.supervisor.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.inbox.IdempotentConsumer;
import com.agentfactory.messaging.runtime.AgentHeartbeat;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
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
 * report the store could not hold as sent (a NUL character) is applied with the NUL replaced, and one without a
 * status hands its task to a person: either is the agent's last word on the task, so skipping it would leave the task
 * open for good. Only a report naming no task is skipped. One the lifecycle still fails to apply is found by applying
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
                    if (change.taskId() == null) {
                        skip(records.get(i), envelope, invalid.orElseThrow());
                    } else {
                        if (invalid.isPresent()) {
                            repair(records.get(i), envelope, invalid.get());
                        }
                        reports.add(new Report(i, envelope.messageId(), StorableReports.storable(change)));
                    }
                }
            } catch (RuntimeException unreadable) {
                apply(reports);
                throw new BatchListenerFailedException("unreadable agent event", unreadable, i);
            }
        }
        apply(reports);
    }

    /** What is wrong with this report as sent, if anything: counted and logged, whether or not it is applied. */
    private static Optional<String> invalidity(TaskStatusChanged change) {
        if (change.taskId() == null) {
            return Optional.of("no task_id");
        }
        if (change.status() == null) {
            return Optional.of("no status; its task is escalated to a person");
        }
        if (StorableReports.needsRepair(change)) {
            return Optional.of(
                    "a NUL character (U+0000), which the store cannot hold; applied with U+FFFD in its place");
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

    private void repair(ConsumerRecord<String, String> record, MessageEnvelope envelope, String why) {
        meters.counter("supervisor.agent.reports.invalid").increment();
        log.warn(
                "Agent report {} at {}-{}@{} has {}",
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

package com.agentfactory.finance.messaging;

import com.agentfactory.messaging.envelope.EnvelopeCodec;
import com.agentfactory.messaging.envelope.MessageEnvelope;
import com.agentfactory.messaging.runtime.TaskStatusChanged;
import com.agentfactory.messaging.topic.Topics;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the agents' task reports from agent.events for the agent performance view. A report is stored
 * once per task, status and attempt, so a redelivery changes nothing; heartbeats are ignored. An
 * unreadable message goes to agent.events.dlt.
 */
@Component
class AgentActivityListener {

    private final EnvelopeCodec codec;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AgentActivityListener(EnvelopeCodec codec, JdbcTemplate jdbc, Clock clock) {
        this.codec = codec;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.AGENT_EVENTS, groupId = "finance-agent-activity")
    void onAgentEvent(ConsumerRecord<String, String> record) {
        MessageEnvelope envelope = codec.decode(record.value());
        if (!TaskStatusChanged.isStatusAction(envelope.action())) {
            return;
        }
        TaskStatusChanged report = codec.fromTree(envelope.payload().data(), TaskStatusChanged.class);
        if (report.taskId() == null || report.status() == null || report.agentType() == null) {
            return;
        }
        jdbc.update(
                "INSERT INTO agent_task_reports (id, task_id, task_type, agent_type, status, attempt, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT ON CONSTRAINT agent_task_reports_once DO NOTHING",
                UUID.randomUUID(),
                report.taskId(),
                report.taskType() == null ? "unknown" : report.taskType(),
                report.agentType(),
                report.status().name().toLowerCase(Locale.ROOT),
                report.attempt(),
                Timestamp.from(report.occurredAt() == null ? clock.instant() : report.occurredAt()));
    }
}

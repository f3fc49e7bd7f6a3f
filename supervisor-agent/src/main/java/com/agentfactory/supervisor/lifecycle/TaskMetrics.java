package com.agentfactory.supervisor.lifecycle;

import com.agentfactory.supervisor.task.TaskRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes tasks by status and agent as gauges, refreshed from the database. */
@Component
class TaskMetrics {

    private static final Logger log = LoggerFactory.getLogger(TaskMetrics.class);

    private final TaskRepository tasks;
    private final MultiGauge byStatus;

    TaskMetrics(TaskRepository tasks, MeterRegistry meters) {
        this.tasks = tasks;
        this.byStatus = MultiGauge.builder("supervisor.tasks")
                .description("Tasks by status and assigned agent")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${agentfactory.metrics.task-refresh:15s}", initialDelay = 2_000)
    void refresh() {
        try {
            byStatus.register(
                    tasks.countByAgentAndStatus().stream()
                            .map(count -> MultiGauge.Row.of(
                                    Tags.of("status", count.status().name(), "agent", count.agentType()),
                                    count.count()))
                            .toList(),
                    true);
        } catch (RuntimeException e) {
            log.debug("Task metrics not refreshed: {}", e.getMessage());
        }
    }
}

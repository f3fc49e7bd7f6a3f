package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStatusTest {

    @ParameterizedTest
    @CsvSource({
        "QUEUED,ASSIGNED,true", "QUEUED,RUNNING,true", "QUEUED,COMPLETED,true", "ASSIGNED,RUNNING,true",
        "RUNNING,RUNNING,true", "RUNNING,COMPLETED,true", "RUNNING,FAILED,true", "RUNNING,EXPIRED,true",
        "RUNNING,ASSIGNED,false", "COMPLETED,FAILED,false", "COMPLETED,RUNNING,false", "CANCELLED,COMPLETED,false",
        "ESCALATED,COMPLETED,false", "EXPIRED,RUNNING,false", "EXPIRED,COMPLETED,true", "EXPIRED,FAILED,true",
        "EXPIRED,EXPIRED,false"
    })
    void acceptsOnlyForwardReportsFromAgents(TaskStatus from, TaskStatus to, boolean accepted) {
        assertThat(from.acceptsReport(to)).isEqualTo(accepted);
    }

    @Test
    void finishedTasksAndTasksWithAnAgentCannotBeCancelledButEscalatedOnesCan() {
        assertThat(TaskStatus.COMPLETED.isCancellable()).isFalse();
        assertThat(TaskStatus.EXPIRED.isCancellable()).isFalse();
        assertThat(TaskStatus.ESCALATED.isCancellable()).isTrue();
        assertThat(TaskStatus.QUEUED.isCancellable())
                .as("its dispatch has gone to the agent")
                .isFalse();
        assertThat(TaskStatus.RUNNING.isCancellable()).isFalse();
    }
}

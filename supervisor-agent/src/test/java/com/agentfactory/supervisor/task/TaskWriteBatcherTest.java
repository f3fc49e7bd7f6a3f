package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskWriteBatcherTest {

    @Test
    void refusesRequestsOnceTheQueueHoldsItsCapacityInTasksNotInRequests() {
        // no writer threads: nothing drains, so the queue only fills
        var batcher = new TaskWriteBatcher(
                null, null, null, null, new SimpleMeterRegistry(), new TaskIntakeProperties(500, 0, 5));
        batcher.start();

        assertThat(batcher.submit(tasks(3))).isNotDone();
        assertThatThrownBy(() -> batcher.submit(tasks(3))).isInstanceOf(IntakeOverloadedException.class);
        assertThat(batcher.submit(tasks(2))).isNotDone();
        assertThatThrownBy(() -> batcher.submit(tasks(1))).isInstanceOf(IntakeOverloadedException.class);
    }

    @Test
    void refusesEverythingWhenNotRunning() {
        var batcher = new TaskWriteBatcher(
                null, null, null, null, new SimpleMeterRegistry(), new TaskIntakeProperties(500, 0, 5));

        assertThatThrownBy(() -> batcher.submit(tasks(1))).isInstanceOf(IntakeOverloadedException.class);
    }

    private static List<NewTask> tasks(int count) {
        return Collections.nCopies(count, new NewTask(null, List.of(), null, null));
    }
}

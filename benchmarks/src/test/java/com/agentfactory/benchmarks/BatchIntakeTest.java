package com.agentfactory.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchIntakeTest {

    @Test
    void theBodyRepeatsTheTaskInsideOneTasksArray() {
        String body = new BatchIntake(3).body(BenchmarkRun.TASK_BODY);

        assertThat(body)
                .isEqualTo("{\"tasks\":[" + BenchmarkRun.TASK_BODY + "," + BenchmarkRun.TASK_BODY + ","
                        + BenchmarkRun.TASK_BODY + "]}");
    }

    @Test
    void zeroLeavesTheBatchTargetsOutAndSizesBeyondTheSupervisorsLimitAreRefused() {
        assertThat(BatchIntake.ofOption(0)).isEmpty();
        assertThat(BatchIntake.ofOption(500)).contains(new BatchIntake(500));
        assertThatThrownBy(() -> BatchIntake.ofOption(501)).hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> BatchIntake.ofOption(-1)).hasMessageContaining("--batch-size");
    }

    @Test
    void fixedRatesAreHalfTheDirectMaximumAndTheGoalRate() {
        BatchIntake batch = new BatchIntake(50);

        assertThat(batch.fixedTaskRates(24_123)).containsExactly(12_060.0, 5_000.0);
    }

    @Test
    void theGoalRateIsNotRunTwiceWhenHalfTheMaximumIsAlreadyThere() {
        assertThat(new BatchIntake(50).fixedTaskRates(10_000)).containsExactly(5_000.0);
    }

    @Test
    void aFailedDirectRunStillGetsAtLeastOneRequestPerSecond() {
        assertThat(new BatchIntake(50).fixedTaskRates(0)).containsExactly(50.0, 5_000.0);
    }
}

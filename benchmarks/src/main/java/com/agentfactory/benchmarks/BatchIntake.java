package com.agentfactory.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Batched task intake ({@code POST /api/v1/agents/tasks/batch}): one request carries {@code size} tasks, all
 * committed in one transaction before the 201, so its latency is that of the whole batch.
 */
record BatchIntake(int size) {

    static final String PATH = "/api/v1/agents/tasks/batch";
    /** The supervisor refuses larger batches. */
    static final int MAX_SIZE = 500;
    /** The latency goal is stated at half of 10,000 tasks/s: p99 under 50 ms there. */
    static final double GOAL_TASK_RATE = 5_000;

    BatchIntake {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--batch-size must be 0 (no batch targets) or 1.." + MAX_SIZE);
        }
    }

    /** {@code --batch-size}: 0 leaves the batch targets out. */
    static Optional<BatchIntake> ofOption(int size) {
        return size == 0 ? Optional.empty() : Optional.of(new BatchIntake(size));
    }

    String body(String taskBody) {
        return "{\"tasks\":[" + String.join(",", Collections.nCopies(size, taskBody)) + "]}";
    }

    String directName() {
        return "supervisor direct, batches of " + size;
    }

    String gatewayName() {
        return "through gateway, batches of " + size;
    }

    List<String> targetNames() {
        return List.of(directName(), gatewayName());
    }

    /**
     * Task rates of the fixed-rate phases: half the best direct batch throughput (rounded to 10 tasks/s like the
     * single-task half rate, but at least one request per second) and the goal rate, unless they coincide.
     */
    List<Double> fixedTaskRates(double maxDirectTasksPerSecond) {
        double half = Math.max(size, Math.round(maxDirectTasksPerSecond / 2 / 10) * 10.0);
        List<Double> rates = new ArrayList<>(List.of(half));
        if (half != GOAL_TASK_RATE) {
            rates.add(GOAL_TASK_RATE);
        }
        return List.copyOf(rates);
    }
}

package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.outbox.OutboxWriter.OutboxMessage;
import com.agentfactory.supervisor.escalation.Escalation;
import com.agentfactory.supervisor.escalation.EscalationRepository;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for task intake: requests waiting at the same moment share one transaction (one fsync)
 * instead of paying one each. A request is answered only after its batch has committed, so an accepted
 * task is always durable; if the batch fails, every request in it gets the error and nothing is written.
 */
@Component
class TaskWriteBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskWriteBatcher.class);

    private final TaskRepository tasks;
    private final EscalationRepository escalations;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final int writers;
    private final DistributionSummary batchSizes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TaskWriteBatcher(
            TaskRepository tasks,
            EscalationRepository escalations,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            @Value("${agentfactory.tasks.write-batch-size:500}") int maxBatch,
            @Value("${agentfactory.tasks.writer-threads:2}") int writers,
            @Value("${agentfactory.tasks.write-queue-capacity:20000}") int capacity) {
        this.tasks = tasks;
        this.escalations = escalations;
        this.outbox = outbox;
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.writers = writers;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSizes = DistributionSummary.builder("tasks.write.batch.size")
                .description("Tasks committed per intake transaction")
                .register(meters);
    }

    /** Completes when the task is committed; fails fast with {@link IntakeOverloadedException} when the queue is full. */
    CompletableFuture<Void> submit(NewTask task) {
        var pending = new Pending(task, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new IntakeOverloadedException();
        }
        return pending.done();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.take();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            transactions.executeWithoutResult(status -> {
                tasks.insertAll(batch.stream().map(p -> p.task().task()).toList());
                tasks.insertTransitions(batch.stream()
                        .flatMap(p -> p.task().transitions().stream())
                        .toList());
                List<Escalation> opened = batch.stream()
                        .map(p -> p.task().escalation())
                        .filter(Objects::nonNull)
                        .toList();
                if (!opened.isEmpty()) {
                    escalations.insertAll(opened);
                }
                List<OutboxMessage> dispatches = batch.stream()
                        .map(p -> p.task().dispatch())
                        .filter(Objects::nonNull)
                        .toList();
                outbox.appendAll(dispatches);
            });
            batchSizes.record(batch.size());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            log.error("Could not store a batch of {} tasks: {}", batch.size(), e.getMessage());
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(
                    Thread.ofPlatform().name("task-writer-" + i).daemon(true).start(this::drain));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(NewTask task, CompletableFuture<Void> done) {}
}

package com.agentfactory.supervisor.task;

import com.agentfactory.messaging.outbox.OutboxWriter;
import com.agentfactory.messaging.outbox.OutboxWriter.OutboxMessage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for task intake: requests waiting at the same moment share one transaction (one fsync)
 * instead of paying one each. A request is answered only after its batch has committed, so an accepted
 * task is always durable. If a batch fails, each of its requests is tried again in a transaction of its own,
 * so one request the database refuses does not take the others down with it. The tasks of one request are
 * never split across transactions. A request is never waited for without end: a database that hangs in the middle
 * of a transaction gets its callers an "outcome unknown" answer after {@code held-write-patience}. So does a commit
 * that fails (the connection dropping while committing): it may have been applied, so it is neither answered "not
 * stored" nor retried, and a retried request whose task ids turn out to be stored already counts as stored.
 */
@Component
class TaskWriteBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskWriteBatcher.class);

    private final TaskRepository tasks;
    private final ApplicationEventPublisher events;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    // the bound is on tasks, not requests: a batch request brings up to 500 of them
    private final AtomicInteger queuedTasks = new AtomicInteger();
    private final int capacity;
    private final int maxBatch;
    private final int writers;
    private final Duration heldWritePatience;
    private final Duration erasureRetryAfter;
    private final DistributionSummary batchSizes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TaskWriteBatcher(
            TaskRepository tasks,
            ApplicationEventPublisher events,
            OutboxWriter outbox,
            TransactionTemplate transactions,
            MeterRegistry meters,
            TaskIntakeProperties properties) {
        this.tasks = tasks;
        this.events = events;
        this.outbox = outbox;
        this.transactions = transactions;
        this.maxBatch = properties.writeBatchSize();
        this.writers = properties.writerThreads();
        this.capacity = properties.writeQueueCapacity();
        this.heldWritePatience = properties.heldWritePatience();
        this.erasureRetryAfter = properties.erasureRetryAfter();
        this.batchSizes = DistributionSummary.builder("tasks.write.batch.size")
                .description("Tasks committed per intake transaction")
                .register(meters);
    }

    /**
     * Stores the tasks (all of one request) and returns once they are committed. Throws {@link
     * TaskNotStoredException} only when they are not and never will be: after {@code patience} a request still
     * in the queue is taken out of it, but one a writer already holds is waited for, since it may yet commit and
     * a retry of a request answered "not stored" would then store its tasks twice. That wait ends after
     * {@code held-write-patience} more with {@link TaskOutcomeUnknownException}, the honest answer while the
     * transaction has not ended.
     */
    void store(List<NewTask> tasks, Duration patience) {
        submit(tasks).await(patience);
    }

    /**
     * Queues the tasks (all of one request); fails fast with {@link IntakeOverloadedException} when
     * {@code write-queue-capacity} tasks are already waiting.
     */
    Pending submit(List<NewTask> tasks) {
        var pending = new Pending(List.copyOf(tasks));
        if (!running) {
            throw new IntakeOverloadedException();
        }
        if (queuedTasks.addAndGet(tasks.size()) > capacity) {
            queuedTasks.addAndGet(-tasks.size());
            throw new IntakeOverloadedException();
        }
        queue.add(pending);
        return pending;
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending next = queue.take();
                int tasksInBatch = 0;
                // a request's tasks stay together, so a batch may end a little above maxBatch tasks
                while (next != null) {
                    batch.add(next);
                    tasksInBatch += next.tasks().size();
                    next = tasksInBatch < maxBatch ? queue.poll() : null;
                }
                queuedTasks.addAndGet(-tasksInBatch);
                write(batch, tasksInBatch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch, int taskCount) {
        try {
            commit(batch, taskCount);
        } catch (CommitOutcomeUnknown e) {
            // the database may have committed: "not stored, retry" could double the tasks, retrying one by one
            // would only collide with them
            log.error(
                    "The commit of a batch of {} tasks failed, they may or may not be stored: {}",
                    taskCount,
                    e.getCause().getMessage());
            batch.forEach(p -> p.done()
                    .completeExceptionally(TaskOutcomeUnknownException.commitFailed(p.taskIds(), e.getCause())));
        } catch (RuntimeException e) {
            if (batch.size() == 1 && isAlreadyStored(batch.getFirst(), e)) {
                log.warn(
                        "Tasks {} were already stored (an earlier commit went through)",
                        batch.getFirst().taskIds());
                batch.getFirst().done().complete(null);
                return;
            }
            if (batch.size() == 1 || !mayBeOneRequestsFault(e)) {
                log.error("Could not store a batch of {} tasks: {}", taskCount, e.getMessage());
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            }
            log.warn(
                    "Could not store a batch of {} tasks, storing its requests one by one: {}",
                    taskCount,
                    e.getMessage());
            for (Pending pending : batch) {
                write(List.of(pending), pending.tasks().size());
            }
        }
    }

    /**
     * A request whose task ids collide with stored tasks was stored before: ids are random UUIDs, so only a commit
     * of this very request (one whose outcome was in doubt) can have put them there.
     */
    private boolean isAlreadyStored(Pending pending, RuntimeException e) {
        List<UUID> ids = pending.taskIds();
        if (!(e instanceof DuplicateKeyException) || ids.isEmpty()) {
            return false;
        }
        try {
            return tasks.existingIds(ids).containsAll(ids);
        } catch (RuntimeException lookup) {
            log.warn("Could not tell whether tasks {} are already stored: {}", ids, lookup.getMessage());
            return false;
        }
    }

    /** Without a connection no request can be stored: trying each alone would only keep the others waiting. */
    private static boolean mayBeOneRequestsFault(RuntimeException e) {
        return !(e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException);
    }

    private void commit(List<Pending> batch, int taskCount) {
        boolean[] written = {false};
        Map<Pending, RuntimeException> refused;
        try {
            refused = insert(batch, written);
        } catch (UnexpectedRollbackException rolledBack) {
            throw rolledBack;
        } catch (RuntimeException e) {
            if (written[0]) {
                // every statement went through, so the commit failed: it may have been applied before the answer
                // was lost
                throw new CommitOutcomeUnknown(e);
            }
            throw e;
        }
        batchSizes.record(taskCount);
        batch.forEach(p -> {
            if (refused.containsKey(p)) {
                p.done().completeExceptionally(refused.get(p));
            } else {
                p.done().complete(null);
            }
        });
    }

    private Map<Pending, RuntimeException> insert(List<Pending> batch, boolean[] written) {
        return transactions.execute(status -> {
            // first, under the customers' locks: a task about a customer erased is refused, not stored in full after
            // the erasure blanked the others, and one about a customer whose erasure runs now is refused for a retry
            Map<Pending, RuntimeException> refused = aboutErasedCustomers(batch);
            List<NewTask> accepted = batch.stream()
                    .filter(p -> !refused.containsKey(p))
                    .flatMap(p -> p.tasks().stream())
                    .toList();
            if (accepted.isEmpty()) {
                // nothing written: a failed commit of this empty transaction leaves no doubt about any task
                return refused;
            }
            tasks.insertAll(accepted.stream().map(NewTask::task).toList());
            tasks.insertTransitions(accepted.stream()
                    .flatMap(task -> task.transitions().stream())
                    .toList());
            List<TasksEscalated.Escalated> escalated = accepted.stream()
                    .map(NewTask::escalation)
                    .filter(Objects::nonNull)
                    .toList();
            if (!escalated.isEmpty()) {
                // in this transaction: the escalation queue commits with the tasks or not at all
                events.publishEvent(new TasksEscalated(escalated));
            }
            List<OutboxMessage> dispatches = accepted.stream()
                    .map(NewTask::dispatch)
                    .filter(Objects::nonNull)
                    .toList();
            if (!dispatches.isEmpty()) {
                outbox.appendAll(dispatches);
            }
            written[0] = true;
            return refused;
        });
    }

    /**
     * The requests of the batch with a task about an erased customer, each refused for the first such task, and those
     * with one about a customer whose erasure runs now, refused for a retry. The locks are tried, not waited for: the
     * erasure holds its lock for its whole run, and waiting for it would hold the whole batch, and this writer, with
     * it. Two statements for the whole batch, not two per customer.
     */
    private Map<Pending, RuntimeException> aboutErasedCustomers(List<Pending> batch) {
        SortedSet<UUID> named = new TreeSet<>();
        batch.forEach(p -> p.tasks()
                .forEach(task -> named.addAll(
                        TaskPersonalData.customersNamedBy(task.task()).keySet())));
        if (named.isEmpty()) {
            return Map.of();
        }
        Set<UUID> erasing = tasks.lockCustomersUnlessErasing(named);
        Set<UUID> erased = tasks.erasedAmong(named);
        if (erasing.isEmpty() && erased.isEmpty()) {
            return Map.of();
        }
        Map<Pending, RuntimeException> refused = new HashMap<>();
        for (Pending pending : batch) {
            ErasedCustomerTaskRefused aboutErased = null;
            boolean aboutErasing = false;
            for (int i = 0; i < pending.tasks().size() && aboutErased == null; i++) {
                for (Map.Entry<UUID, String> customer : TaskPersonalData.customersNamedBy(
                                pending.tasks().get(i).task())
                        .entrySet()) {
                    if (erased.contains(customer.getKey())) {
                        aboutErased = new ErasedCustomerTaskRefused(i, customer.getValue());
                        break;
                    }
                    aboutErasing |= erasing.contains(customer.getKey());
                }
            }
            // erased is final, whereas a retry after the erasure would only be refused then
            if (aboutErased != null) {
                refused.put(pending, aboutErased);
            } else if (aboutErasing) {
                refused.put(pending, new CustomerBeingErasedException(erasureRetryAfter));
            }
        }
        return refused;
    }

    /** The commit of a transaction whose statements all succeeded failed: the tasks may or may not be stored. */
    private static final class CommitOutcomeUnknown extends RuntimeException {
        CommitOutcomeUnknown(RuntimeException cause) {
            super(cause);
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

    /** One request's tasks on their way to the database; identity matters, so it is no record. */
    final class Pending {

        private final List<NewTask> tasks;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private Pending(List<NewTask> tasks) {
            this.tasks = tasks;
        }

        List<NewTask> tasks() {
            return tasks;
        }

        List<UUID> taskIds() {
            return tasks.stream()
                    .map(NewTask::task)
                    .filter(Objects::nonNull)
                    .map(Task::id)
                    .toList();
        }

        CompletableFuture<Void> done() {
            return done;
        }

        /** Returns once committed; see {@link TaskWriteBatcher#store}. */
        void await(Duration patience) {
            try {
                done.get(patience.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw failed(e.getCause());
            } catch (TimeoutException e) {
                giveUp(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(e);
            }
        }

        private void giveUp(Exception reason) {
            // the queue's lock decides: either this removal or a writer's take wins, never both
            if (queue.remove(this)) {
                queuedTasks.addAndGet(-tasks.size());
                throw new TaskNotStoredException(reason);
            }
            try {
                done.get(heldWritePatience.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw failed(e.getCause());
            } catch (TimeoutException e) {
                throw outcomeUnknown(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw outcomeUnknown(e);
            }
        }

        private RuntimeException failed(Throwable failure) {
            return switch (failure) {
                case TaskOutcomeUnknownException unknown -> unknown;
                case ErasedCustomerTaskRefused refused -> refused;
                case CustomerBeingErasedException beingErased -> beingErased;
                default -> new TaskNotStoredException(failure);
            };
        }

        private TaskOutcomeUnknownException outcomeUnknown(Exception reason) {
            List<UUID> ids = taskIds();
            // the transaction may still commit or roll back: whoever reconciles needs the ids to look for
            log.warn(
                    "Answered outcome unknown for {} tasks still in a transaction after {}: {}",
                    ids.size(),
                    heldWritePatience,
                    ids);
            return new TaskOutcomeUnknownException(ids, reason);
        }
    }
}

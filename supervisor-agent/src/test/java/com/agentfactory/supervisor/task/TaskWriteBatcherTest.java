package com.agentfactory.supervisor.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.agentfactory.messaging.outbox.OutboxWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

class TaskWriteBatcherTest {

    private static final Duration PATIENT = Duration.ofSeconds(10);

    private static final Duration ERASURE_RETRY_AFTER = Duration.ofSeconds(5);

    private final TaskRepository repository = mock(TaskRepository.class);
    private final StallingTransactions transactions = new StallingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TaskWriteBatcher batcher;

    @AfterEach
    void stopWriters() {
        transactions.release();
        if (batcher != null) {
            batcher.stop();
        }
    }

    @Test
    void refusesRequestsOnceTheQueueHoldsItsCapacityInTasksNotInRequests() {
        // no writer threads: nothing drains, so the queue only fills
        var batcher = new TaskWriteBatcher(
                null,
                null,
                null,
                null,
                new SimpleMeterRegistry(),
                new TaskIntakeProperties(500, 0, 5, PATIENT, ERASURE_RETRY_AFTER));
        batcher.start();

        assertThat(batcher.submit(tasks(3)).done()).isNotDone();
        assertThatThrownBy(() -> batcher.submit(tasks(3))).isInstanceOf(IntakeOverloadedException.class);
        assertThat(batcher.submit(tasks(2)).done()).isNotDone();
        assertThatThrownBy(() -> batcher.submit(tasks(1))).isInstanceOf(IntakeOverloadedException.class);
    }

    @Test
    void refusesEverythingWhenNotRunning() {
        var batcher = new TaskWriteBatcher(
                null,
                null,
                null,
                null,
                new SimpleMeterRegistry(),
                new TaskIntakeProperties(500, 0, 5, PATIENT, ERASURE_RETRY_AFTER));

        assertThatThrownBy(() -> batcher.submit(tasks(1))).isInstanceOf(IntakeOverloadedException.class);
    }

    @Test
    void aRequestGivenUpOnBeforeAWriterTookItIsNeverWrittenSoItsRetryIsTheOnlyCopy() throws Exception {
        batcher = startedWithOneWriter(5);
        var holdsTheWriter = batcher.submit(tasks(1));
        transactions.awaitStalled();

        var givenUp = batcher.submit(tasks(2));
        assertThatThrownBy(() -> givenUp.await(Duration.ZERO)).isInstanceOf(TaskNotStoredException.class);
        transactions.release();
        holdsTheWriter.await(PATIENT);
        // the queue is first in, first out: had the given-up request stayed, it would be written before this one
        batcher.store(tasks(4), PATIENT);

        assertThat(meters.summary("tasks.write.batch.size").totalAmount()).isEqualTo(1 + 4);
    }

    @Test
    void aRequestAWriterAlreadyHoldsIsWaitedForInsteadOfAnsweredNotStored() throws Exception {
        batcher = startedWithOneWriter(5);
        var held = batcher.submit(tasks(1));
        transactions.awaitStalled();

        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> held.await(Duration.ZERO));
        assertThat(answer).isNotDone();
        transactions.release();

        assertThat(answer).succeedsWithin(PATIENT);
        assertThat(meters.summary("tasks.write.batch.size").totalAmount()).isEqualTo(1);
    }

    @Test
    void aRequestTheDatabaseRefusesDoesNotFailTheOthersInItsBatch() throws Exception {
        batcher = startedWithOneWriter(500);
        var first = batcher.submit(tasks(1));
        transactions.awaitStalled();
        TaskTransition unstorable = new TaskTransition(
                UUID.randomUUID(), null, TaskStatus.CREATED, "test", "refused", Instant.parse("2026-01-01T00:00:00Z"));
        doThrow(new DataIntegrityViolationException("timestamp out of range"))
                .when(repository)
                .insertTransitions(argThat(transitions -> transitions.contains(unstorable)));
        // both wait while the writer is held, so they are taken as one batch
        var refused = batcher.submit(List.of(new NewTask(null, List.of(unstorable), null, null)));
        var innocent = batcher.submit(tasks(2));
        transactions.release();

        first.await(PATIENT);
        innocent.await(PATIENT);
        assertThatThrownBy(() -> refused.await(PATIENT)).isInstanceOf(TaskNotStoredException.class);
        assertThat(meters.summary("tasks.write.batch.size").totalAmount()).isEqualTo(1 + 2);
    }

    @Test
    void aRequestAWriterHoldsPastTheHeldWritePatienceIsAnsweredOutcomeUnknownWithItsTaskIds() throws Exception {
        // no further wait at all: the writer is held by the latch, so the outcome is certain to be open
        batcher = startedWithOneWriter(5, Duration.ZERO);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        var held = batcher.submit(tasksWithIds(ids));
        transactions.awaitStalled();

        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> held.await(Duration.ZERO));

        assertThat(answer)
                .failsWithin(PATIENT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(TaskOutcomeUnknownException.class, unknown -> assertThat(unknown.taskIds())
                        .containsExactlyElementsOf(ids))
                .withMessageContaining("may or may not exist");
        // and the write did go on to commit: "not stored" would have been false
        transactions.release();
        await().atMost(PATIENT).until(() -> held.done().isDone());
        assertThat(held.done()).isCompletedWithValue(null);
    }

    @Test
    void aRequestAWriterHoldsIsStillAnsweredStoredWhenItCommitsWithinTheHeldWritePatience() throws Exception {
        batcher = startedWithOneWriter(5, PATIENT);
        var held = batcher.submit(tasksWithIds(List.of(UUID.randomUUID())));
        transactions.awaitStalled();
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> held.await(Duration.ZERO));

        transactions.release();

        assertThat(answer).succeedsWithin(PATIENT);
    }

    @Test
    void aRequestAWriterHoldsWhoseTransactionFailsWithinTheHeldWritePatienceIsAnsweredNotStored() throws Exception {
        batcher = startedWithOneWriter(5, PATIENT);
        doThrow(new DataIntegrityViolationException("refused")).when(repository).insertAll(any());
        var held = batcher.submit(tasksWithIds(List.of(UUID.randomUUID())));
        transactions.awaitStalled();
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> held.await(Duration.ZERO));

        transactions.release();

        assertThat(answer)
                .failsWithin(PATIENT)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TaskNotStoredException.class);
    }

    @Test
    void aCommitThatFailsAfterTheRowsWereWrittenIsAnsweredOutcomeUnknownNotRetriedAndNotNotStored() {
        var committing = new CommitFailingTransactions();
        batcher = startedWithOneWriter(5, PATIENT, committing);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());

        assertThatThrownBy(() -> batcher.store(tasksWithIds(ids), PATIENT))
                .isInstanceOfSatisfying(TaskOutcomeUnknownException.class, unknown -> assertThat(unknown.taskIds())
                        .containsExactlyElementsOf(ids))
                .hasMessageContaining("while the task was being committed");
        assertThat(committing.commits)
                .as("no second attempt that could store the tasks twice")
                .hasValue(1);
        verify(repository, times(1)).insertAll(any());
    }

    @Test
    void aRequestRetriedAloneWhoseTaskIdsAreAlreadyStoredCountsAsStored() throws Exception {
        batcher = startedWithOneWriter(500);
        var first = batcher.submit(tasks(1));
        transactions.awaitStalled();
        List<UUID> storedIds = List.of(UUID.randomUUID());
        TaskTransition unstorable = new TaskTransition(
                UUID.randomUUID(), null, TaskStatus.CREATED, "test", "refused", Instant.parse("2026-01-01T00:00:00Z"));
        doThrow(new DataIntegrityViolationException("timestamp out of range"))
                .when(repository)
                .insertTransitions(argThat(transitions -> transitions.contains(unstorable)));
        // its rows went in with an earlier commit whose answer was lost: inserting them again collides
        doThrow(new DuplicateKeyException("duplicate key value violates unique constraint \"tasks_pkey\""))
                .when(repository)
                .insertAll(argThat(inserted -> inserted.size() == 1
                        && inserted.getFirst() != null
                        && storedIds.contains(inserted.getFirst().id())));
        when(repository.existingIds(storedIds)).thenReturn(Set.copyOf(storedIds));
        var refused = batcher.submit(List.of(new NewTask(null, List.of(unstorable), null, null)));
        var alreadyStored = batcher.submit(tasksWithIds(storedIds));
        transactions.release();

        first.await(PATIENT);
        assertThatThrownBy(() -> refused.await(PATIENT)).isInstanceOf(TaskNotStoredException.class);
        alreadyStored.await(PATIENT);
        assertThat(alreadyStored.done()).isCompletedWithValue(null);
    }

    private TaskWriteBatcher startedWithOneWriter(int batchSize) {
        return startedWithOneWriter(batchSize, PATIENT);
    }

    private TaskWriteBatcher startedWithOneWriter(int batchSize, Duration heldWritePatience) {
        return startedWithOneWriter(batchSize, heldWritePatience, transactions);
    }

    private TaskWriteBatcher startedWithOneWriter(
            int batchSize, Duration heldWritePatience, TransactionTemplate transactions) {
        var started = new TaskWriteBatcher(
                repository,
                mock(ApplicationEventPublisher.class),
                mock(OutboxWriter.class),
                transactions,
                meters,
                new TaskIntakeProperties(batchSize, 1, 1000, heldWritePatience, ERASURE_RETRY_AFTER));
        started.start();
        return started;
    }

    private static List<NewTask> tasks(int count) {
        return Collections.nCopies(count, new NewTask(null, List.of(), null, null));
    }

    private static List<NewTask> tasksWithIds(List<UUID> ids) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return ids.stream()
                .map(id -> new NewTask(
                        new Task(
                                id,
                                "health-check",
                                TaskStatus.QUEUED,
                                5,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0,
                                0,
                                "EXPLICIT",
                                null,
                                null,
                                null,
                                null,
                                "test",
                                null,
                                now,
                                now,
                                null,
                                null,
                                UUID.randomUUID()),
                        List.of(),
                        null,
                        null))
                .toList();
    }

    /**
     * Real transaction handling over a database whose connection drops during COMMIT: every statement went through,
     * and the commit throws as PostgreSQL's driver does when the socket closes.
     */
    private static final class CommitFailingTransactions extends TransactionTemplate {

        final AtomicInteger commits = new AtomicInteger();

        CommitFailingTransactions() {
            setTransactionManager(new AbstractPlatformTransactionManager() {
                @Override
                protected Object doGetTransaction() {
                    return new Object();
                }

                @Override
                protected void doBegin(Object transaction, TransactionDefinition definition) {}

                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                    commits.incrementAndGet();
                    throw new TransactionSystemException(
                            "Could not commit JDBC transaction",
                            new SQLException("An I/O error occurred while sending to the backend", "08006"));
                }

                @Override
                protected void doRollback(DefaultTransactionStatus status) {}
            });
        }
    }

    /** Holds the first transaction open until released, as a slow database would. */
    private static final class StallingTransactions extends TransactionTemplate {

        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        @Override
        public <T> T execute(TransactionCallback<T> action) throws TransactionException {
            stalled.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return action.doInTransaction(new SimpleTransactionStatus());
        }

        void awaitStalled() throws InterruptedException {
            assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}

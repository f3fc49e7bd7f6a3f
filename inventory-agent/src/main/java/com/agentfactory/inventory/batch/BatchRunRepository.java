package com.agentfactory.inventory.batch;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface BatchRunRepository extends JpaRepository<BatchRun, UUID> {

    Page<BatchRun> findAllByOrderByStartedAtDesc(Pageable page);

    Optional<BatchRun> findFirstByStatus(BatchRun.Status status);

    /** Records that the run, still running, is at work; a run given up meanwhile stays given up. */
    @Transactional
    @Modifying
    @Query(
            nativeQuery = true,
            value = "UPDATE batch_runs SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING'")
    int beat(UUID id, Instant now);

    /**
     * Whether the run is still running, its row then locked until the caller's transaction ends: a sweep or a
     * redelivered task giving it up waits until then, and then finds it no longer running.
     */
    @Query(
            nativeQuery = true,
            value =
                    "SELECT count(*) > 0 FROM (SELECT 1 FROM batch_runs WHERE id = :id AND status = 'RUNNING' FOR UPDATE) r")
    boolean lockIfRunning(UUID id);

    /**
     * Ends as failed, with the given failure, every run still running whose last heartbeat was before
     * {@code silentSince}.
     */
    @Transactional
    @Modifying
    @Query(
            nativeQuery = true,
            value = "UPDATE batch_runs SET status = 'FAILED', failure = :failure, finished_at = :now,"
                    + " duration_ms = (EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_at)) * 1000)::bigint"
                    + " WHERE status = 'RUNNING' AND heartbeat_at < :silentSince")
    int interruptRunningSilentSince(Instant silentSince, String failure, Instant now);

    /**
     * Ends as failed, with the given failure, the run still running that was started for the task: the task was
     * delivered again, so the instance that started the run died or gave the task up.
     */
    @Transactional
    @Modifying
    @Query(
            nativeQuery = true,
            value = "UPDATE batch_runs SET status = 'FAILED', failure = :failure, finished_at = :now,"
                    + " duration_ms = (EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_at)) * 1000)::bigint"
                    + " WHERE status = 'RUNNING' AND task_id = :taskId")
    int interruptRunningOfTask(UUID taskId, String failure, Instant now);
}

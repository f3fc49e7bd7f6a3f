package com.agentfactory.inventory.batch;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface BatchRunRepository extends JpaRepository<BatchRun, UUID> {

    Page<BatchRun> findAllByOrderByStartedAtDesc(Pageable page);

    /** Ends as failed, with the given failure, every run still running that started before {@code startedBefore}. */
    @Transactional
    @Modifying
    @Query(
            nativeQuery = true,
            value = "UPDATE batch_runs SET status = 'FAILED', failure = :failure, finished_at = :now,"
                    + " duration_ms = (EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - started_at)) * 1000)::bigint"
                    + " WHERE status = 'RUNNING' AND started_at < :startedBefore")
    int interruptRunningStartedBefore(Instant startedBefore, String failure, Instant now);
}

package com.agentfactory.ad.simulation;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SimulationRunRepository extends JpaRepository<SimulationRun, UUID> {

    long countByStatus(SimulationRunStatus status);

    /** The oldest queued run on one of {@code sources}, locked; one another worker is claiming is skipped, not awaited. */
    @Query(
            value = "SELECT * FROM ad_simulation_runs WHERE status = 'QUEUED' AND source IN (:sources)"
                    + " ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
            nativeQuery = true)
    Optional<SimulationRun> claimOldestQueued(Collection<String> sources);

    // not a change of the run's state, so the version (which guards the transitions) is left alone
    @Modifying
    @Query("update SimulationRun r set r.heartbeatAt = :now where r.id = :id and r.status = :running")
    int heartbeat(UUID id, SimulationRunStatus running, Instant now);

    @Modifying
    @Query("update SimulationRun r set r.status = :queued, r.startedAt = null, r.heartbeatAt = null,"
            + " r.version = r.version + 1 where r.status = :running and r.heartbeatAt < :staleBefore")
    int requeueAbandoned(SimulationRunStatus running, SimulationRunStatus queued, Instant staleBefore);
}

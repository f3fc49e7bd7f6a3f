package com.agentfactory.supervisor.privacy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.query.Param;

interface PrivacyRequestRepository
        extends ListCrudRepository<PrivacyRequest, UUID>, PagingAndSortingRepository<PrivacyRequest, UUID> {

    /** The request, locked until the transaction ends: reports arrive from Kafka and HTTP at once. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PrivacyRequest> findLockedById(UUID id);

    List<PrivacyRequest> findByCustomerIdOrderByRequestedAtDesc(UUID customerId);

    Page<PrivacyRequest> findByStatus(PrivacyRequestStatus status, Pageable pageable);

    /** Requests still waiting for this participant's report, oldest first. */
    @Query("""
            SELECT * FROM privacy_requests r
             WHERE r.status = 'IN_PROGRESS'
               AND :participant = ANY (r.participants)
               AND NOT EXISTS (SELECT 1 FROM privacy_request_reports p
                                WHERE p.privacy_request = r.id AND p.participant = :participant)
             ORDER BY r.requested_at
             LIMIT :limit
            """)
    List<PrivacyRequest> awaitingReportFrom(@Param("participant") String participant, @Param("limit") int limit);
}

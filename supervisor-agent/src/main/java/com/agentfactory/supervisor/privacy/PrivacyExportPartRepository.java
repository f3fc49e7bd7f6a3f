package com.agentfactory.supervisor.privacy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface PrivacyExportPartRepository extends ListCrudRepository<PrivacyExportPart, UUID> {

    List<PrivacyExportPart> findByRequestId(UUID requestId);

    @Modifying
    @Query("""
            DELETE FROM privacy_export_parts
             WHERE request_id IN (SELECT id FROM privacy_requests WHERE customer_id = :customerId)
            """)
    int deleteAllOfCustomer(@Param("customerId") UUID customerId);
}

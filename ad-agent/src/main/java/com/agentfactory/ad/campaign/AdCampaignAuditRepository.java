package com.agentfactory.ad.campaign;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdCampaignAuditRepository extends JpaRepository<AdCampaignAudit, UUID> {

    /** The campaign's entries in [from, to), paged in the pageable's order. */
    Page<AdCampaignAudit> findByCampaignIdAndOccurredAtGreaterThanEqualAndOccurredAtLessThan(
            UUID campaignId, Instant from, Instant to, Pageable pageable);
}

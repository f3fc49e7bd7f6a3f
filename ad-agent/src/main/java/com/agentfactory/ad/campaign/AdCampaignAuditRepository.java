package com.agentfactory.ad.campaign;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdCampaignAuditRepository extends JpaRepository<AdCampaignAudit, UUID> {

    Page<AdCampaignAudit> findByCampaignId(UUID campaignId, Pageable pageable);
}

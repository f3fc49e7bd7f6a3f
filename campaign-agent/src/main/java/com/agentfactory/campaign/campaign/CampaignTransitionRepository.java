package com.agentfactory.campaign.campaign;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignTransitionRepository extends JpaRepository<CampaignTransition, UUID> {

    Page<CampaignTransition> findByCampaignId(UUID campaignId, Pageable pageable);
}

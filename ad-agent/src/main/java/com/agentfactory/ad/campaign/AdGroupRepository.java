package com.agentfactory.ad.campaign;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdGroupRepository extends JpaRepository<AdGroup, UUID> {

    List<AdGroup> findByCampaignIdOrderByCreatedAtAscIdAsc(UUID campaignId);

    List<AdGroup> findByCampaignIdIn(List<UUID> campaignIds);
}

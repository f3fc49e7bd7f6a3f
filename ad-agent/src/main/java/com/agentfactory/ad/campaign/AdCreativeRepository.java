package com.agentfactory.ad.campaign;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdCreativeRepository extends JpaRepository<AdCreative, UUID> {

    List<AdCreative> findByCampaignIdOrderByCreatedAtAscIdAsc(UUID campaignId);

    List<AdCreative> findByCampaignIdIn(List<UUID> campaignIds);
}

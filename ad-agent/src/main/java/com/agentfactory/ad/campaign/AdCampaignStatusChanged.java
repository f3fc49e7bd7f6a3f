package com.agentfactory.ad.campaign;

import java.util.UUID;

/** A campaign moved to another status; published in-process after the change is committed. */
public record AdCampaignStatusChanged(UUID campaignId, AdCampaignStatus from, AdCampaignStatus to) {}

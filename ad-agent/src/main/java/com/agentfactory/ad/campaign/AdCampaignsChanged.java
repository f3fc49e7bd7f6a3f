package com.agentfactory.ad.campaign;

/** Something the bid path caches about campaigns changed (status, budget, bid factor, allocation, creatives). */
public record AdCampaignsChanged() {}

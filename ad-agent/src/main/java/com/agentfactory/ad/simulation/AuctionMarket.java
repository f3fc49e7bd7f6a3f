package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.CampaignStatistics;

/** What a simulation replays: a campaign's training statistics and its logged test auctions. */
record AuctionMarket(CampaignStatistics training, AuctionLog log) {}

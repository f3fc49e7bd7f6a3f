package com.agentfactory.ad.simulation;

import com.agentfactory.ad.policy.CampaignStatistics;
import com.agentfactory.ad.policy.LinearBidPolicy;

/**
 * Grid search of linear bidding's b0 on a tuning log, as in the published protocol: b0 = 6, 12, ... up to the highest
 * market price, stopping after five steps without a new best, extended upwards while the best is at the top; ties
 * go to the larger b0. Only whole episodes of the tuning log are replayed. It sees only the log it is given, so the
 * simulator hands it the first half alone.
 */
final class LinearBidTuner {

    static final int STEP = 6;
    private static final int PATIENCE = 5;

    private LinearBidTuner() {}

    static LinearBidPolicy tune(AuctionLog tuningLog, CampaignStatistics training, int episode, long budget) {
        int wholeEpisodes = tuningLog.size() / episode;
        AuctionLog episodes = wholeEpisodes == 0 ? tuningLog : tuningLog.slice(0, wholeEpisodes * episode);
        AuctionReplay replay = new AuctionReplay(episode, budget);
        int maxBid = training.maxMarketPrice();
        long bestClicks = 0;
        int bestB0 = 0;
        int sinceBest = 0;
        for (int b0 = STEP; b0 < maxBid + STEP; b0 += STEP) {
            long clicks = clicks(replay, episodes, training, b0);
            if (clicks >= bestClicks) {
                bestClicks = clicks;
                bestB0 = b0;
                sinceBest = 0;
            } else if (++sinceBest >= PATIENCE) {
                break;
            }
        }
        if (bestB0 >= maxBid) {
            for (int b0 = bestB0 + STEP; ; b0 += STEP) {
                long clicks = clicks(replay, episodes, training, b0);
                if (clicks < bestClicks) {
                    break;
                }
                bestClicks = clicks;
                bestB0 = b0;
            }
        }
        return new LinearBidPolicy(bestB0, training.averageCtr(), maxBid);
    }

    private static long clicks(AuctionReplay replay, AuctionLog log, CampaignStatistics training, int b0) {
        return replay.run(new LinearBidPolicy(b0, training.averageCtr(), training.maxMarketPrice()), log)
                .clicks();
    }
}

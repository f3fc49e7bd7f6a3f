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
            double saturated = saturatedBaseBid(episodes, training);
            for (int b0 = bestB0 + STEP; bestB0 < saturated; b0 += STEP) {
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

    /**
     * The b0 from which every bid of the log is at the cap already: a larger b0 changes no bid, so the upward
     * extension would tie for ever (a budget too small to win a click ties at zero everywhere) and stops there.
     */
    private static double saturatedBaseBid(AuctionLog log, CampaignStatistics training) {
        double lowestPctr = Double.MAX_VALUE;
        for (int i = 0; i < log.size(); i++) {
            if (log.pctr(i) > 0) {
                lowestPctr = Math.min(lowestPctr, log.pctr(i));
            }
        }
        return lowestPctr == Double.MAX_VALUE
                ? 0
                : (training.maxMarketPrice() + 1) * training.averageCtr() / lowestPctr;
    }

    private static long clicks(AuctionReplay replay, AuctionLog log, CampaignStatistics training, int b0) {
        return replay.run(new LinearBidPolicy(b0, training.averageCtr(), training.maxMarketPrice()), log)
                .clicks();
    }
}

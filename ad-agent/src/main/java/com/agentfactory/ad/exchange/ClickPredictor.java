package com.agentfactory.ad.exchange;

/**
 * Predicts, for an impression opportunity, the probability of a click (pCTR) and of a conversion after a click
 * (pCVR). The bid path calls it per campaign and impression, so it must answer in microseconds.
 */
public interface ClickPredictor {

    double clickProbability(BidFeatures features, CampaignHistory history);

    double conversionProbability(BidFeatures features, CampaignHistory history);

    /** What the campaign and creative delivered so far, and the pooled rates of all campaigns. */
    record CampaignHistory(
            long impressions,
            long clicks,
            long conversions,
            long creativeImpressions,
            long creativeClicks,
            double pooledCtr,
            double pooledCvr) {}
}

package com.agentfactory.ad.exchange;

/**
 * pCTR and pCVR from a campaign's own history, shrunk towards the rates of all campaigns together: a Beta prior
 * centred on the pooled rate with the weight of {@code priorStrength} observations (empirical Bayes), so a new
 * campaign starts at the pooled rate and moves to its own as its evidence grows. The creative's own clicks
 * refine the campaign's rate in the same way. It has no features beyond the campaign and creative; trained
 * models replace it through {@link ClickPredictor}.
 */
public class EmpiricalBayesClickPredictor implements ClickPredictor {

    private final double priorStrength;
    private final double defaultCtr;
    private final double defaultCvr;

    public EmpiricalBayesClickPredictor(double priorStrength, double defaultCtr, double defaultCvr) {
        this.priorStrength = priorStrength;
        this.defaultCtr = defaultCtr;
        this.defaultCvr = defaultCvr;
    }

    @Override
    public double clickProbability(BidFeatures features, CampaignHistory history) {
        double pooled = history.pooledCtr() > 0 ? history.pooledCtr() : defaultCtr;
        double campaign = posteriorMean(pooled, priorStrength, history.clicks(), history.impressions());
        return posteriorMean(campaign, priorStrength, history.creativeClicks(), history.creativeImpressions());
    }

    @Override
    public double conversionProbability(BidFeatures features, CampaignHistory history) {
        double pooled = history.pooledCvr() > 0 ? history.pooledCvr() : defaultCvr;
        // conversions counted before each needed a click may outnumber the clicks: a rate above 1 would raise bids
        return posteriorMean(
                Math.min(pooled, 1.0),
                priorStrength,
                Math.min(history.conversions(), history.clicks()),
                history.clicks());
    }

    /** The mean of Beta(m·p + successes, m·(1 − p) + failures). */
    static double posteriorMean(double priorMean, double strength, long successes, long trials) {
        return (strength * priorMean + successes) / (strength + trials);
    }
}

package com.agentfactory.ad.exchange;

/**
 * RLB-style bidding where a campaign's market is known, linear elsewhere. With market statistics the bid is the RLB
 * bid (Cai et al., WSDM 2017) for the impression's pCTR, the budget left today and the auctions expected in the rest
 * of the day, but never above the linear bid (value x factor): RLB maximises clicks within the budget, so it shades
 * bids where the budget is tight; where the budget is loose it would bid up to the highest market price, which the
 * value of a click does not justify.
 */
class RlbBidShaper implements BidShaper {

    @Override
    public double bid(double value, ShapingContext context) {
        double linear = value * context.bidFactor();
        if (context.market() == null) {
            return linear;
        }
        double rlb =
                context.market().perImpression(context.pctr(), context.remainingToday(), context.secondsLeftToday());
        return Math.min(linear, rlb);
    }
}

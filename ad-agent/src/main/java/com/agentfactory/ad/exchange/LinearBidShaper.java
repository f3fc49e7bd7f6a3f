package com.agentfactory.ad.exchange;

/** Linear bidding: the bid is the value times the campaign's factor (Perlich et al.'s Lin with b0 folded in). */
public class LinearBidShaper implements BidShaper {

    @Override
    public double bid(double value, ShapingContext context) {
        return value * context.bidFactor();
    }
}

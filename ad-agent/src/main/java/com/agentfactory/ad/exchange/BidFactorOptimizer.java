package com.agentfactory.ad.exchange;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.delivery.CampaignDelivery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Moves a campaign's bid factor towards its target: with a CPA target by target / actual CPA, with a ROAS target
 * by actual / target ROAS, each step bounded to ×0.5..×2 and the factor to 0.05..20. Without a target, or before
 * {@code MIN_CLICKS} clicks, the factor stays, and the reason says why.
 */
final class BidFactorOptimizer {

    static final long MIN_CLICKS = 30;

    private BidFactorOptimizer() {}

    record Decision(BigDecimal previous, BigDecimal factor, String reason) {

        boolean changed() {
            return previous.compareTo(factor) != 0;
        }
    }

    static Decision decide(AdCampaignView c, CampaignDelivery d) {
        BigDecimal previous = c.bidFactor();
        if (c.targetCpa() == null && c.targetRoas() == null) {
            return new Decision(previous, previous, "no CPA or ROAS target to steer towards");
        }
        if (d.clicks() < MIN_CLICKS) {
            return new Decision(
                    previous, previous, "not enough evidence: " + d.clicks() + " clicks, " + MIN_CLICKS + " needed");
        }
        double step;
        String reason;
        // conversions counted before each needed a click may outnumber the clicks; more than one per click would
        // pass for a CPA the campaign never reached and raise its bids
        long conversions = Math.min(d.conversions(), d.clicks());
        if (c.targetCpa() != null) {
            if (conversions == 0) {
                step = 0.5;
                reason = "no conversion after " + d.clicks() + " clicks against a target CPA of " + c.targetCpa();
            } else {
                double cpa = d.spend().doubleValue() / conversions;
                step = c.targetCpa().doubleValue() / cpa;
                reason = String.format(
                        Locale.ROOT,
                        "CPA %.2f against target %s",
                        cpa,
                        c.targetCpa().toPlainString());
            }
        } else {
            double roas = d.spend().signum() == 0
                    ? 0
                    : d.revenue().doubleValue() / d.spend().doubleValue();
            step = roas / c.targetRoas().doubleValue();
            reason = String.format(
                    Locale.ROOT,
                    "ROAS %.2f against target %s",
                    roas,
                    c.targetRoas().toPlainString());
        }
        step = Math.max(0.5, Math.min(2.0, step));
        double next = Math.max(0.05, Math.min(20, previous.doubleValue() * step));
        BigDecimal factor = BigDecimal.valueOf(next).setScale(4, RoundingMode.HALF_UP);
        return new Decision(previous, factor, reason + String.format(Locale.ROOT, ": bid factor x%.3f", step));
    }
}

package com.agentfactory.ad.performance;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.delivery.CampaignDelivery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A campaign's performance since it started; a ratio without a denominator is null.
 *
 * @param winRate impressions won / bids
 * @param impressionShare impressions / requests the campaign was eligible for
 */
record CampaignMetrics(
        UUID campaignId,
        String name,
        String status,
        String currency,
        BigDecimal spend,
        BigDecimal revenue,
        long bids,
        long impressions,
        long clicks,
        long conversions,
        Double winRate,
        Double ctr,
        Double cvr,
        BigDecimal cpa,
        BigDecimal ecpc,
        Double roas,
        Double impressionShare) {

    static CampaignMetrics of(AdCampaignView c, CampaignDelivery d) {
        BigDecimal spend = d.spend().setScale(2, RoundingMode.HALF_UP);
        return new CampaignMetrics(
                c.id(),
                c.name(),
                c.status().name(),
                c.currency(),
                spend,
                d.revenue(),
                d.bids(),
                d.impressions(),
                d.clicks(),
                d.conversions(),
                ratio(d.impressions(), d.bids()),
                ratio(d.clicks(), d.impressions()),
                ratio(d.conversions(), d.clicks()),
                d.conversions() == 0
                        ? null
                        : d.spend().divide(BigDecimal.valueOf(d.conversions()), 2, RoundingMode.HALF_UP),
                d.clicks() == 0 ? null : d.spend().divide(BigDecimal.valueOf(d.clicks()), 4, RoundingMode.HALF_UP),
                d.spend().signum() == 0
                        ? null
                        : d.revenue().doubleValue() / d.spend().doubleValue(),
                ratio(d.impressions(), d.eligible()));
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

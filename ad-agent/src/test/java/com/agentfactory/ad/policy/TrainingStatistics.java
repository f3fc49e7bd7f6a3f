package com.agentfactory.ad.policy;

/** Object Mother for campaign training statistics. */
final class TrainingStatistics {

    private TrainingStatistics() {}

    /** 10,000 impressions, 40 clicks, market prices spread over 0..50 with most mass at 5..20. */
    static CampaignStatistics small() {
        long[] counts = new long[51];
        for (int price = 0; price <= 50; price++) {
            counts[price] = price >= 5 && price <= 20 ? 500 : 40;
        }
        return new CampaignStatistics(10_000, 40, 120_000, counts);
    }
}

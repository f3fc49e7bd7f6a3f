package com.agentfactory.ad.exchange;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.CreativeView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/** The bid path's immutable view of serving campaigns, replaced as a whole on each refresh. */
record ServingSnapshot(List<Entry> entries, double pooledCtr, double pooledCvr) {

    static final ServingSnapshot EMPTY = new ServingSnapshot(List.of(), 0, 0);

    /**
     * @param remaining what today's allowance still holds (0 while finance has reserved nothing)
     * @param spentToday what the campaign spent today
     * @param market the campaign's RLB bidding, or null while its market statistics are too few
     */
    record Entry(
            AdCampaignView campaign,
            List<Creative> creatives,
            long impressions,
            long clicks,
            long conversions,
            double remaining,
            double spentToday,
            Counters counters,
            MarketBidding market) {

        UUID id() {
            return campaign.id();
        }
    }

    record Creative(CreativeView creative, Set<String> regions) {

        boolean fits(int width, int height, String region) {
            return creative.width() == width
                    && creative.height() == height
                    && (regions.isEmpty() || (region != null && regions.contains(region)));
        }
    }

    /** Counted in memory on the bid path and flushed to the delivery ledger on refresh. */
    static final class Counters {
        final LongAdder eligible = new LongAdder();
        final LongAdder bids = new LongAdder();
    }
}

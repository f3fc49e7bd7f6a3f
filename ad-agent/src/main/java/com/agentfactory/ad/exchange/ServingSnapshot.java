package com.agentfactory.ad.exchange;

import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.CreativeView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The bid path's immutable view of serving campaigns, replaced as a whole on each refresh. */
record ServingSnapshot(List<Entry> entries, double pooledCtr, double pooledCvr) {

    static final ServingSnapshot EMPTY = new ServingSnapshot(List.of(), 0, 0);

    /**
     * @param remaining what this replica may promise of today's allowance: its lease, at most what the allowance
     *     still holds (0 while finance has reserved nothing or no lease is in force)
     * @param spentToday what the campaign spent today
     * @param market the campaign's RLB bidding, or null while its market statistics are too few
     * @param accountedOffered the part of {@link Counters#offeredMicros} not subtracted from {@code remaining}:
     *     the claims no longer held and those of wins {@code remaining} already counts (see {@link ClaimHold})
     * @param bidUntil when the campaign stops being bid on from this entry: one claim hold before its lease expires,
     *     so that a snapshot kept on, by refreshes that fail, never promises beyond the lease
     * @param generation the generation of the lease {@code remaining} was read from (see {@link AllowanceLeases}):
     *     what is given back of it is given back from that lease only, and a refresh finding the allowance settled
     *     since closes the entry before lowering that lease; not read on the bid path
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
            MarketBidding market,
            long accountedOffered,
            Instant bidUntil,
            long generation) {

        UUID id() {
            return campaign.id();
        }

        /** What the lease has left, in millionths of its currency, less the claims of the bids still held. */
        long availableMicros() {
            return availableMicros(counters.offeredMicros.get());
        }

        /** @param offered {@link Counters#offeredMicros} as read by the caller */
        long availableMicros(long offered) {
            // remaining is a sum of millionths: rounding only takes off the double's error
            return Math.round(remaining * 1_000_000) - (offered - accountedOffered);
        }
    }

    record Creative(CreativeView creative, Set<String> regions) {

        boolean fits(int width, int height, String region) {
            return creative.width() == width
                    && creative.height() == height
                    && (regions.isEmpty() || (region != null && regions.contains(region)));
        }
    }

    /** Counted in memory on the bid path; eligible requests and bids are flushed to the delivery ledger on refresh. */
    static final class Counters {
        final LongAdder eligible = new LongAdder();
        final LongAdder bids = new LongAdder();
        /**
         * What every bid offered could cost if won, in millionths of the currency, since the agent started; never
         * reset, so a snapshot subtracts what was offered after the reading it holds claims from, whichever snapshot
         * a bid was decided on.
         */
        final AtomicLong offeredMicros = new AtomicLong();
    }
}

package com.agentfactory.ad.exchange;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.campaign.AdCampaignsChanged;
import com.agentfactory.ad.campaign.ServingCampaign;
import com.agentfactory.ad.delivery.CampaignDelivery;
import com.agentfactory.ad.delivery.DeliveryLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the bid path's snapshot of serving campaigns: campaigns, creatives, delivery and today's allowances are read
 * from the database on a schedule and after any campaign change, never per bid request. The bid path's in-memory
 * counts (eligible requests, bids) are flushed to the delivery ledger on each refresh. What the bids whose wins may
 * still come could cost is subtracted from what the allowances have left (see {@link ClaimHold}): their wins would
 * otherwise together spend the remaining allowance many times over.
 */
@Component
class ServingCampaigns {

    private static final Logger log = LoggerFactory.getLogger(ServingCampaigns.class);

    private final AdCampaigns campaigns;
    private final DeliveryLedger delivery;
    private final SpendAllowances allowances;
    private final MarketModels markets;
    private final Clock clock;
    private final ClaimHold claims;
    private final Map<UUID, ServingSnapshot.Counters> counters = new ConcurrentHashMap<>();
    private volatile ServingSnapshot snapshot = ServingSnapshot.EMPTY;

    ServingCampaigns(
            AdCampaigns campaigns,
            DeliveryLedger delivery,
            SpendAllowances allowances,
            MarketModels markets,
            WinNoticeProperties winNotices,
            Clock clock) {
        this.campaigns = campaigns;
        this.delivery = delivery;
        this.allowances = allowances;
        this.markets = markets;
        this.clock = clock;
        this.claims = new ClaimHold(winNotices.claimHold(), clock);
    }

    ServingSnapshot current() {
        return snapshot;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onCampaignsChanged(AdCampaignsChanged changed) {
        refresh();
    }

    /** Only after the commit: a win the allowances read next do not count yet must stay held. */
    @TransactionalEventListener
    void onOwnBidWon(Deliveries.OwnBidWon won) {
        claims.ownWinRecorded(won.campaignId(), won.bidAt(), won.claimMicros());
    }

    @Scheduled(
            fixedDelayString = "${agentfactory.ad.exchange.refresh-interval}",
            initialDelayString = "${agentfactory.ad.exchange.refresh-interval}")
    synchronized void refresh() {
        try {
            flushCounts();
            Map<UUID, CampaignDelivery> delivered = delivery.all();
            // read before the allowances: a bid offered or a win recorded after this is not in what they show
            Map<UUID, Long> accounted = claims.accounted(counters);
            Map<UUID, SpendAllowances.Allowance> today = allowances.todays();
            long impressions = 0;
            long clicks = 0;
            long conversions = 0;
            for (CampaignDelivery d : delivered.values()) {
                impressions += d.impressions();
                clicks += d.clicks();
                // conversions counted before each needed a click may outnumber them: a rate above 1 would raise bids
                conversions += Math.min(d.conversions(), d.clicks());
            }
            List<ServingSnapshot.Entry> entries = new ArrayList<>();
            for (ServingCampaign serving : campaigns.serving()) {
                if (!serving.campaign().isServing(clock.instant())) {
                    continue;
                }
                UUID id = serving.campaign().id();
                CampaignDelivery d = delivered.getOrDefault(id, CampaignDelivery.none(id));
                SpendAllowances.Allowance allowance = today.get(id);
                entries.add(new ServingSnapshot.Entry(
                        serving.campaign(),
                        serving.creatives().stream()
                                .map(c -> new ServingSnapshot.Creative(c.creative(), c.regions()))
                                .toList(),
                        d.impressions(),
                        d.clicks(),
                        d.conversions(),
                        allowance == null ? 0 : allowance.remaining().doubleValue(),
                        allowance == null ? 0 : allowance.spent().doubleValue(),
                        counters.computeIfAbsent(id, k -> new ServingSnapshot.Counters()),
                        markets.of(id),
                        accounted.getOrDefault(id, 0L)));
            }
            snapshot = new ServingSnapshot(
                    List.copyOf(entries),
                    impressions == 0 ? 0 : (double) clicks / impressions,
                    clicks == 0 ? 0 : (double) conversions / clicks);
        } catch (RuntimeException e) {
            // the most specific cause names what failed (a missing column, a lost connection); the wrapper only the SQL
            log.warn(
                    "serving campaigns not refreshed, bidding on the previous view: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
    }

    private void flushCounts() {
        counters.forEach((id, c) -> {
            long eligible = c.eligible.sumThenReset();
            long bids = c.bids.sumThenReset();
            if (eligible > 0 || bids > 0) {
                try {
                    delivery.addBids(id, eligible, bids);
                } catch (RuntimeException e) {
                    c.eligible.add(eligible);
                    c.bids.add(bids);
                    throw e;
                }
            }
        });
    }
}

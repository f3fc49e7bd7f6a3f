package com.agentfactory.ad.exchange;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.AdTouchpoints;
import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.NotPermittedException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what exchanges report: a win, verified against the signed nurl of its bid, is recorded and charged to the
 * allowance of the bid's day in one transaction, once per bid id; clicks and conversions are recorded once per
 * impression, only from the exchange that won it, a conversion only within the conversion window after a click, and
 * reported as touchpoints of the customer the bid was made for, as its signed nurl names them (none once erased). No
 * notice names a customer of its own: one it could name would move the touchpoint, and the orders attributed to the
 * ad channel with it, to a customer of the exchange's choosing.
 */
@Service
class Deliveries {

    private final DeliveryLedger ledger;
    private final SpendAllowances allowances;
    private final AdCampaigns campaigns;
    private final AdTouchpoints touchpoints;
    private final ExchangeProperties properties;
    private final WinNotices winNotices;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AllowanceLeases leases;

    Deliveries(
            DeliveryLedger ledger,
            SpendAllowances allowances,
            AdCampaigns campaigns,
            AdTouchpoints touchpoints,
            ExchangeProperties properties,
            WinNotices winNotices,
            Clock clock,
            ApplicationEventPublisher events,
            AllowanceLeases leases) {
        this.ledger = ledger;
        this.allowances = allowances;
        this.campaigns = campaigns;
        this.touchpoints = touchpoints;
        this.properties = properties;
        this.winNotices = winNotices;
        this.clock = clock;
        this.events = events;
        this.leases = leases;
    }

    /**
     * A win notice's outcome, with what the impression cost when it was recorded now.
     *
     * @param overspent whether the allowance could not cover the cost, which was recorded as spent all the same
     */
    record Won(DeliveryOutcome outcome, BigDecimal cost, String currency, boolean overspent) {}

    /**
     * A win of a bid this agent process made was recorded, its cost in the allowance from the commit on.
     *
     * @param bidAt the bid's time, as signed
     * @param claimMicros what the bid claimed from the allowance, as {@link ClaimHold#claimMicros} of its price
     */
    record OwnBidWon(UUID campaignId, Instant bidAt, long claimMicros) {}

    /**
     * Records a win the agent's own signature vouches for, on the allowance of the (UTC) day of the bid: a win
     * notified just after midnight is spent from the day that bid for it, not from a day nothing may be reserved
     * for yet. A verified win is owed to the exchange whether or not that allowance can still pay for it, since
     * bids are capped against a view of the allowance that concurrent wins outrun: what it cannot cover is recorded
     * as spent beyond it (see {@link SpendAllowances#overspend}), and settled with finance like the rest.
     *
     * @param token the {@code t} of the bid's nurl
     * @param exchange the exchange that sent the notice: the one the bid was made to, and from now on the only one
     *     whose clicks and conversions of the impression count
     * @throws com.agentfactory.messaging.error.NotPermittedException when the token is not the agent's for this bid,
     *     or the bid was made to another exchange
     * @throws RuleViolationException when the price is above the bid or the bid too old
     */
    @Transactional
    Won win(WinNotice notice, String token, String exchange) {
        WinNotices.SignedBid bid = winNotices.verify(token, notice, clock.instant(), exchange);
        if (notice.price().doubleValue() > properties.maxPriceCpm()) {
            throw RuleViolationException.of("price", "above the highest CPM this bidder pays");
        }
        AdCampaignView campaign = campaigns.view(notice.campaignId());
        // rounded up to what the cost column keeps: a won impression that cost anything costs at least its last digit
        BigDecimal cost = notice.price().divide(BigDecimal.valueOf(1000), 6, RoundingMode.UP);
        if (!ledger.recordImpression(
                notice.bidId(), campaign.id(), notice.creativeId(), notice.price(), cost, bid.customerId(), exchange)) {
            return new Won(
                    new DeliveryOutcome(notice.bidId(), false, "win already recorded"),
                    cost,
                    campaign.currency(),
                    false);
        }
        if (BidDecider.isOwnBid(notice.bidId())) {
            long priceUnits = bid.priceCpm()
                    .movePointRight(4)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            events.publishEvent(new OwnBidWon(campaign.id(), bid.issuedAt(), ClaimHold.claimMicros(priceUnits)));
        }
        LocalDate day = LocalDate.ofInstant(bid.issuedAt(), ZoneOffset.UTC);
        boolean covered = cost.signum() == 0 || allowances.spend(campaign.id(), day, cost);
        if (!covered) {
            allowances.overspend(campaign.id(), day, campaign.currency(), cost);
        }
        // after the spend, which locks the allowance row as granting a lease does
        BidDecider.replicaOf(notice.bidId()).ifPresent(replica -> leases.spent(campaign.id(), day, replica, cost));
        if (!covered) {
            return new Won(
                    new DeliveryOutcome(
                            notice.bidId(),
                            true,
                            "charged " + cost + " " + campaign.currency() + " beyond the allowance of " + day),
                    cost,
                    campaign.currency(),
                    true);
        }
        return new Won(
                new DeliveryOutcome(notice.bidId(), true, "charged " + cost + " " + campaign.currency()),
                cost,
                campaign.currency(),
                false);
    }

    /**
     * @param exchange the exchange that sent the notice
     * @throws NotPermittedException when another exchange won the impression
     */
    @Transactional
    DeliveryOutcome click(ClickNotice notice, String exchange) {
        wonBy(notice.bidId(), exchange);
        var clicked = ledger.recordClick(notice.bidId());
        if (clicked.isEmpty()) {
            return new DeliveryOutcome(notice.bidId(), false, "click already recorded");
        }
        UUID customer = clicked.get().customerId();
        if (customer != null) {
            touchpoints.report(clicked.get(), customer, "ad_click", clock.instant());
        }
        return new DeliveryOutcome(notice.bidId(), true, "click recorded");
    }

    /**
     * @param exchange the exchange that sent the notice
     * @throws NotPermittedException when another exchange won the impression
     * @throws RuleViolationException when the impression was not clicked within the conversion window before now
     */
    @Transactional
    DeliveryOutcome conversion(ConversionNotice notice, String exchange) {
        var impression = wonBy(notice.bidId(), exchange);
        BigDecimal value = notice.value() != null
                ? notice.value()
                : campaigns.view(impression.campaignId()).valuePerConversion();
        var converted =
                ledger.recordConversion(notice.bidId(), value, clock.instant().minus(properties.conversionWindow()));
        if (converted.isEmpty()) {
            if (ledger.converted(notice.bidId())) {
                return new DeliveryOutcome(notice.bidId(), false, "conversion already recorded");
            }
            throw RuleViolationException.of(
                    "bid_id",
                    "the impression was not clicked within the conversion window of " + properties.conversionWindow()
                            + " before the conversion");
        }
        // as the conversion's update left the impression: one read before waited on an erasure names the customer
        UUID customer = converted.get().customerId();
        if (customer != null) {
            touchpoints.report(converted.get(), customer, "ad_conversion", clock.instant());
        }
        return new DeliveryOutcome(notice.bidId(), true, "conversion worth " + value + " recorded");
    }

    /** The impression, when the exchange reporting on it is the one that won it (or it predates keeping that). */
    private DeliveryLedger.Impression wonBy(String bidId, String exchange) {
        DeliveryLedger.Impression impression = ledger.impression(bidId).orElseThrow(() -> unknown(bidId));
        if (!impression.reportableBy(exchange)) {
            throw new NotPermittedException("The impression of bid " + bidId + " was won on another exchange.");
        }
        return impression;
    }

    private static NotFoundException unknown(String bidId) {
        return new NotFoundException("No won impression with bid id " + bidId + ".");
    }
}

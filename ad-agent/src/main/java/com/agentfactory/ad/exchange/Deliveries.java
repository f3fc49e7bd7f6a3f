package com.agentfactory.ad.exchange;

import com.agentfactory.ad.budget.SpendAllowances;
import com.agentfactory.ad.campaign.AdCampaignView;
import com.agentfactory.ad.campaign.AdCampaigns;
import com.agentfactory.ad.delivery.AdTouchpoints;
import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.messaging.error.NotFoundException;
import com.agentfactory.messaging.error.RuleViolationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what exchanges report: a win is charged to today's allowance and recorded in one transaction, once per
 * bid id; clicks and conversions are recorded once per impression and reported as touchpoints of known customers.
 */
@Service
class Deliveries {

    private final DeliveryLedger ledger;
    private final SpendAllowances allowances;
    private final AdCampaigns campaigns;
    private final AdTouchpoints touchpoints;
    private final ExchangeProperties properties;
    private final Clock clock;

    Deliveries(
            DeliveryLedger ledger,
            SpendAllowances allowances,
            AdCampaigns campaigns,
            AdTouchpoints touchpoints,
            ExchangeProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.allowances = allowances;
        this.campaigns = campaigns;
        this.touchpoints = touchpoints;
        this.properties = properties;
        this.clock = clock;
    }

    /** A win notice's outcome, with what the impression cost when it was recorded now. */
    record Won(DeliveryOutcome outcome, BigDecimal cost, String currency) {}

    /** @throws AllowanceExhaustedException (409) when today's allowance cannot pay for the impression */
    @Transactional
    Won win(WinNotice notice) {
        if (notice.price().doubleValue() > properties.maxPriceCpm()) {
            throw RuleViolationException.of("price", "above the highest CPM this bidder pays");
        }
        AdCampaignView campaign = campaigns.view(notice.campaignId());
        BigDecimal cost = notice.price().divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
        if (!ledger.recordImpression(
                notice.bidId(), campaign.id(), notice.creativeId(), notice.price(), cost, notice.customerId())) {
            return new Won(
                    new DeliveryOutcome(notice.bidId(), false, "win already recorded"), cost, campaign.currency());
        }
        if (cost.signum() > 0 && !allowances.spend(campaign.id(), cost)) {
            // rolls back the impression too: an unpaid win is not recorded as delivered
            throw new AllowanceExhaustedException(campaign.id());
        }
        return new Won(
                new DeliveryOutcome(notice.bidId(), true, "charged " + cost + " " + campaign.currency()),
                cost,
                campaign.currency());
    }

    @Transactional
    DeliveryOutcome click(ClickNotice notice) {
        var clicked = ledger.recordClick(notice.bidId());
        if (clicked.isEmpty()) {
            ledger.impression(notice.bidId()).orElseThrow(() -> unknown(notice.bidId()));
            return new DeliveryOutcome(notice.bidId(), false, "click already recorded");
        }
        UUID customer = notice.customerId() != null
                ? notice.customerId()
                : clicked.get().customerId();
        if (customer != null) {
            touchpoints.report(clicked.get(), customer, "ad_click", clock.instant());
        }
        return new DeliveryOutcome(notice.bidId(), true, "click recorded");
    }

    @Transactional
    DeliveryOutcome conversion(ConversionNotice notice) {
        var impression = ledger.impression(notice.bidId()).orElseThrow(() -> unknown(notice.bidId()));
        BigDecimal value = notice.value() != null
                ? notice.value()
                : campaigns.view(impression.campaignId()).valuePerConversion();
        var converted = ledger.recordConversion(notice.bidId(), value);
        if (converted.isEmpty()) {
            return new DeliveryOutcome(notice.bidId(), false, "conversion already recorded");
        }
        UUID customer = notice.customerId() != null ? notice.customerId() : impression.customerId();
        if (customer != null) {
            touchpoints.report(converted.get(), customer, "ad_conversion", clock.instant());
        }
        return new DeliveryOutcome(notice.bidId(), true, "conversion worth " + value + " recorded");
    }

    private static NotFoundException unknown(String bidId) {
        return new NotFoundException("No won impression with bid id " + bidId + ".");
    }
}

package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * RLB through the exchange's bid API: a campaign is bid linearly until its market is known, then by the value
 * function of that market. The auction rate is trusted after a second here instead of a minute.
 */
@TestPropertySource(properties = "agentfactory.ad.exchange.rlb.min-measured=1s")
class RlbBidApiIT extends AdIntegrationTest {

    private static final List<BigDecimal> CLEARING_PRICES_CPM = List.of(
            new BigDecimal("1.50"),
            new BigDecimal("1.75"),
            new BigDecimal("2.00"),
            new BigDecimal("2.25"),
            new BigDecimal("2.50"),
            new BigDecimal("2.75"));

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    MarketModels markets;

    @Autowired
    RlbProperties rlb;

    @Test
    void bidsNoMoreThanTheMarketClearsAtOnceTheCampaignsMarketIsKnown() {
        String region = "R" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(campaign("Market learner", region));
        UUID campaign = UUID.fromString(id);
        seedAllowance(id, "50.00");

        // linear: the click's value (default rates x 40 EUR per conversion, 20 CPM) times the bid factor
        double linear = bidPrice(region, id, price -> price > 0);
        BigDecimal highestClearing = CLEARING_PRICES_CPM.getLast();
        assertThat(linear).isGreaterThan(highestClearing.doubleValue());

        wonAuctions(id, rlb.minWins() + 50);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ledger.addBids(campaign, 100, 0);
                    markets.refresh();
                    return markets.of(campaign) != null;
                });

        // with a loose budget RLB wins every auction it can, and no auction clears above the highest price seen
        double shaded = bidPrice(region, id, price -> price < linear);
        assertThat(shaded).isPositive().isLessThanOrEqualTo(highestClearing.doubleValue());
    }

    /** The price of this campaign's bid for the region's impression, once it satisfies {@code expected}. */
    private double bidPrice(String region, String campaignId, DoublePredicate expected) {
        Api.Response bid = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> exchange("/api/v1/ads/openrtb/bid", bidRequest(region), EXCHANGE_KEY),
                        response -> response.status() == 200
                                && placed(response).path("cid").asString().equals(campaignId)
                                && expected.test(placed(response).path("price").asDouble()));
        return placed(bid).path("price").asDouble();
    }

    private static JsonNode placed(Api.Response response) {
        return response.body().path("seatbid").get(0).path("bid").get(0);
    }

    private static Map<String, Object> bidRequest(String region) {
        return Map.of(
                "id", "req-" + UUID.randomUUID(),
                "imp",
                        List.of(Map.of(
                                "id",
                                "1",
                                "banner",
                                Map.of("w", 300, "h", 250),
                                "bidfloor",
                                0.01,
                                "bidfloorcur",
                                "EUR")),
                "site", Map.of("domain", "news.example"),
                "device", Map.of("ua", "Mozilla/5.0", "geo", Map.of("region", region)));
    }

    private void seedAllowance(String campaignId, String reserved) {
        jdbc.update(
                "INSERT INTO ad_spend_allowances (campaign_id, day, currency, reserved, spent, status, updated_at)"
                        + " VALUES (?::uuid, (now() AT TIME ZONE 'UTC')::date, 'EUR', ?::numeric, 0, 'OPEN', now())",
                campaignId,
                reserved);
    }

    /** Won auctions an hour ago at the clearing prices in turn: the market the campaign has seen. */
    private void wonAuctions(String campaignId, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.update(
                    "INSERT INTO ad_impressions (bid_id, campaign_id, creative_id, price_cpm, cost, won_at)"
                            + " VALUES (?, ?::uuid, ?, ?, 0, now() - interval '1 hour')",
                    "rlb-" + UUID.randomUUID(),
                    campaignId,
                    UUID.randomUUID(),
                    CLEARING_PRICES_CPM.get(i % CLEARING_PRICES_CPM.size()));
        }
    }
}

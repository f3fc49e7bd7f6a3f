package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static com.agentfactory.ad.support.AdCampaignMother.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.ad.support.AdIntegrationTest;
import com.agentfactory.messaging.testing.Api;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * RLB through the exchange's bid API: a campaign is bid linearly until its market is known, then by the value
 * function of that market. The auction rate is trusted after a second here instead of a minute.
 *
 * <p>RLB spreads what is left of today's budget over the auctions expected in the rest of the day (UTC): the same
 * budget binds at noon and is loose in the last minutes before midnight, where the bid rises towards the top of the
 * smoothed market. The agent's clock therefore runs from 18:00 of the real date, where six hours of auctions at the
 * measured rate make the daily budget bind, whenever the test runs; the date stays the one the database stamps the
 * allowance with.
 *
 * <p>The other tests' application stays alive beside this one, on the real clock, and both keep allowances on the
 * same database: the campaign started yesterday, so that both see it serving (one that started at 18:00 would have
 * its allowance settled by the other's keeper before then), and this application is closed after the class, since
 * after 18:00 its clock is behind the real one and its keeper would take campaigns created later for campaigns not
 * yet started.
 */
@DirtiesContext
@TestPropertySource(properties = "agentfactory.ad.exchange.rlb.min-measured=1s")
class RlbBidApiIT extends AdIntegrationTest {

    /** The highest clearing price of the auctions {@link #wonAuctions} records. */
    private static final double HIGHEST_CLEARING_CPM = 2.75;

    @TestConfiguration
    static class EveningClock {

        @Bean
        Clock clock() {
            Clock utc = Clock.systemUTC();
            return Clock.offset(utc, Duration.between(LocalTime.now(utc), LocalTime.of(18, 0)));
        }
    }

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    MarketModels markets;

    @Autowired
    RlbProperties rlb;

    @Test
    void bidsNoMoreThanTheMarketClearsAtOnceTheCampaignsMarketIsKnown() {
        String region = "R" + UUID.randomUUID().toString().substring(0, 6);
        String id = activeCampaign(with(
                campaign("Market learner", region),
                "starts_at",
                Instant.now().minus(Duration.ofDays(1)).toString()));
        UUID campaign = UUID.fromString(id);
        seedAllowance(id, "50.00");

        // linear: the click's value (default rates x 40 EUR per conversion, 20 CPM) times the bid factor
        double linear = bidPrice(region, id, price -> price > 0);
        assertThat(linear).isGreaterThan(HIGHEST_CLEARING_CPM);

        wonAuctions(id, rlb.minWins() + 50);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    ledger.addBids(campaign, 100, 0);
                    markets.refresh();
                    return markets.of(campaign) != null;
                });

        // with six hours of auctions ahead the budget binds: RLB bids at most the highest price the market cleared at
        double shaded = bidPrice(region, id, price -> price < linear);
        assertThat(shaded).isPositive().isLessThanOrEqualTo(HIGHEST_CLEARING_CPM);
    }

    /** The price of this campaign's bid for the region's impression, once it satisfies {@code expected}. */
    private double bidPrice(String region, String campaignId, DoublePredicate expected) {
        Api.Response bid = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> exchange("/api/v1/ads/openrtb/bid", bidRequest(300, region, "EUR"), EXCHANGE_KEY),
                        response -> response.status() == 200
                                && placed(response).path("cid").asString().equals(campaignId)
                                && expected.test(placed(response).path("price").asDouble()));
        return placed(bid).path("price").asDouble();
    }

    private static JsonNode placed(Api.Response response) {
        return response.body().path("seatbid").get(0).path("bid").get(0);
    }
}

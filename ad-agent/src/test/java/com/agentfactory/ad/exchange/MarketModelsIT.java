package com.agentfactory.ad.exchange;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.agentfactory.ad.delivery.DeliveryLedger;
import com.agentfactory.ad.support.AdIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.threeten.extra.MutableClock;

class MarketModelsIT extends AdIntegrationTest {

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    ExchangeProperties exchange;

    /** A clock the test moves forward. */
    @Test
    void modelsACampaignsMarketOnceItHasEnoughWinsAndAMeasuredAuctionRate() {
        UUID known = UUID.fromString(createCampaign(campaign("Market known")));
        UUID young = UUID.fromString(createCampaign(campaign("Market young")));
        wonAuctions(known.toString(), 250);
        wonAuctions(young.toString(), 10);
        ledger.addBids(known, 1_000, 500);
        ledger.addBids(young, 1_000, 500);
        MutableClock clock = MutableClock.of(Instant.now(), ZoneOffset.UTC);
        MarketModels markets = new MarketModels(
                ledger,
                exchange,
                new RlbProperties(200, Duration.ofDays(7), 0.25, 50, Duration.ofMinutes(5), Duration.ofSeconds(60)),
                clock);

        markets.refresh();
        boolean knownBeforeRate = markets.of(known) != null;
        clock.add(Duration.ofSeconds(120));
        ledger.addBids(known, 1_200, 0);
        ledger.addBids(young, 1_200, 0);
        markets.refresh();

        assertThat(knownBeforeRate).isFalse();
        assertThat(markets.of(known)).isNotNull();
        assertThat(markets.of(known).auctionsPerSecond()).isCloseTo(10.0, within(1e-9));
        assertThat(markets.of(known).unitCpm()).isEqualTo(0.25);
        assertThat(markets.of(young)).isNull();
    }
}

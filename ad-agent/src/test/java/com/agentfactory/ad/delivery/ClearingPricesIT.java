package com.agentfactory.ad.delivery;

import static com.agentfactory.ad.support.AdCampaignMother.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import com.agentfactory.ad.support.AdIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClearingPricesIT extends AdIntegrationTest {

    @Autowired
    DeliveryLedger ledger;

    private void won(String campaignId, String priceCpm, String wonAgo) {
        jdbc.update(
                "INSERT INTO ad_impressions (bid_id, campaign_id, creative_id, price_cpm, cost, won_at)"
                        + " VALUES (?, ?::uuid, ?, ?::numeric, 0, now() - ?::interval)",
                "cp-" + UUID.randomUUID(),
                campaignId,
                UUID.randomUUID(),
                priceCpm,
                wonAgo);
    }

    @Test
    void countsEachCampaignsRecentClearingPricesInPriceUnits() {
        String id = createCampaign(campaign("Clearing prices"));
        won(id, "1.00", "1 hour");
        won(id, "1.20", "1 hour");
        won(id, "2.60", "2 hours");
        won(id, "75.00", "1 hour"); // above the highest unit: counted in the last one
        won(id, "1.00", "10 days"); // before the window

        Map<UUID, long[]> prices = ledger.clearingPrices(Instant.now().minus(Duration.ofDays(7)), 0.25, 200);

        long[] histogram = prices.get(UUID.fromString(id));
        assertThat(histogram).hasSize(201);
        assertThat(histogram[4]).isEqualTo(2); // 1.00 and 1.20 CPM are in [1.00, 1.25)
        assertThat(histogram[10]).isEqualTo(1);
        assertThat(histogram[200]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(histogram).sum()).isEqualTo(4);
    }
}
